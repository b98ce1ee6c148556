// §7.12 (mini4d code -10724): Use on a regular (not shared) object or collection fails; its body does not run
var $o : Object
var $c : Collection
$o:=New object("v"; 1)
$c:=New collection(1)
Try
	Use ($o)
		$o.v:=2
	End use
Catch
	ALERT("regular object: "+String(Last errors[0].errCode))
End try
Try
	Use ($c)
		$c[0]:=2
	End use
Catch
	ALERT("regular collection: "+String(Last errors[0].errCode))
End try
ALERT(String($o.v)+" "+String($c[0]))
