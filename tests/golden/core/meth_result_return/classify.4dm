#DECLARE($n : Integer) : Text
If ($n%2=0)
	return "even"
End if
return "odd"
