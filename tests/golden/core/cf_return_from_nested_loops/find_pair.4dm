#DECLARE($target : Integer) : Text
var $i; $j : Integer
For ($i; 1; 5)
	For ($j; 1; 5)
		If ($i*$j=$target)
			return "found "+String($i)+"x"+String($j)
		End if
	End for
End for
return "none"
