// §4 (cf_branching.md): nested If (there is no Else if)
var $n : Integer
var $i : Integer
For ($i; -1; 1)
	If ($i>0)
		ALERT(String($i)+" positive")
	Else
		If ($i<0)
			ALERT(String($i)+" negative")
		Else
			ALERT(String($i)+" zero")
		End if
	End if
End for
