// §7.4 (shared.md, new-shared-collection.md; mini4d code -10722): assigning an element of a shared collection needs Use, also past the end; inside Use the collection grows with nulls
var $c : Collection
$c:=New shared collection(1; 2; 3)
Try
	$c[0]:=10
Catch
	ALERT("set element: "+String(Last errors[0].errCode))
End try
Try
	$c[6]:=7
Catch
	ALERT("grow by index: "+String(Last errors[0].errCode))
End try
ALERT(JSON Stringify($c))
Use ($c)
	$c[0]:=10
	$c[4]:=5
End use
ALERT(JSON Stringify($c))
