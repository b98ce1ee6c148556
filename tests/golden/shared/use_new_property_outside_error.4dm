// §7.4 (shared.md, new-shared-object.md; mini4d code -10722): adding a property to a shared object outside Use fails, by dot or bracket notation
var $o : Object
$o:=New shared object
Try
	$o.added:="x"
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
ALERT(String(OB Is defined($o; "added")))
ALERT(String(OB Is empty($o)))
Try
	$o["with space"]:=1
Catch
	ALERT("bracket error "+String(Last errors[0].errCode))
End try
ALERT(JSON Stringify($o))
