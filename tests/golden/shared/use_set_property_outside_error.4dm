// §7.4 (shared.md; mini4d code -10722): changing a property of a shared object outside Use fails and leaves it unchanged; inside Use it works
var $o : Object
$o:=New shared object("count"; 1)
Try
	$o.count:=2
	ALERT("not reached")
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
ALERT(String($o.count))
Try
	$o.count:=Null
Catch
	ALERT("set to Null: "+String(Last errors[0].errCode))
End try
ALERT(String($o.count))
Use ($o)
	$o.count:=3
End use
ALERT(String($o.count))
