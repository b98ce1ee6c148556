// §7.7 (shared.md example 2; mini4d code -10723): group membership is permanent: removing the reference from the group does not free the object for another group
var $g1; $g2; $x : Object
$g1:=New shared object
$g2:=New shared object
$x:=New shared object("v"; 1)
Use ($g1)
	$g1.x:=$x
End use
Use ($g2)
	$g2.other:=New shared object()
End use
Use ($g1)
	$g1.x:=Null
End use
Use ($g2)
	Try
		$g2.x:=$x
	Catch
		ALERT("after removal: "+String(Last errors[0].errCode))
	End try
End use
Use ($g1)
	$x.v:=2
End use
ALERT(String($x.v))
ALERT(String(OB Is defined($g2; "x")))
