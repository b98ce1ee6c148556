// §7.7 (shared.md example 2 rules; mini4d code -10723): a shared object already in one group cannot be stored in an object of another group; the target is unchanged
var $g1; $g2; $member : Object
$g1:=New shared object("name"; "g1")
$g2:=New shared object("name"; "g2")
$member:=New shared object("v"; 1)
Use ($g1)
	$g1.member:=$member
End use
Use ($g2)
	$g2.own:=New shared object()
End use
Use ($g2)
	Try
		$g2.member:=$member
	Catch
		ALERT("second group: "+String(Last errors[0].errCode))
	End try
End use
ALERT(String(OB Is defined($g2; "member")))
ALERT(JSON Stringify($g2))
