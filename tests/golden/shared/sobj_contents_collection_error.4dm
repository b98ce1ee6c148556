// §7.2, §6.2 (new-shared-collection.md, shared.md: -10721): a shared collection refuses regular objects/collections, by assignment and by push; it is left unchanged
var $c : Collection
$c:=New shared collection("a"; "b")
Use ($c)
	Try
		$c[0]:=New object("x"; 1)
	Catch
		ALERT("assign: "+String(Last errors[0].errCode))
	End try
	Try
		$c[5]:=[1]
	Catch
		ALERT("assign past end: "+String(Last errors[0].errCode))
	End try
End use
Try
	$c.push({y: 2})
Catch
	ALERT("push: "+String(Last errors[0].errCode))
End try
ALERT(String($c.length))
ALERT(JSON Stringify($c))
