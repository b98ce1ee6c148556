// §2.5, §4 (dt_null_undefined.md): an undefined If / Case of condition is False
var $o : Object
If ($o.a)
	ALERT("if branch")
Else
	ALERT("else branch")
End if
Case of
	: ($o.a)
		ALERT("case branch")
	Else
		ALERT("case else")
End case
