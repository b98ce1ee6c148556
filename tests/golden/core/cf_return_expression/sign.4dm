#DECLARE($n : Real) : Text
If ($n<0)
	return "negative"
End if
If ($n=0)
	return "zero"
End if
return "positive"
