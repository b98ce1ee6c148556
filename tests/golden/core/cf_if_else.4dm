// §4 (cf_branching.md): If / Else / End if
var $x : Integer
$x:=5
If ($x>3)
	ALERT("big")
Else
	ALERT("small")
End if
If ($x>10)
	ALERT("huge")
Else
	ALERT("not huge")
End if
If ($x=5)
	ALERT("five")
End if
If ($x=6)
	ALERT("six")
End if
ALERT("end")
