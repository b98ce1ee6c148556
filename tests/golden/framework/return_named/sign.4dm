#DECLARE($n : Integer)->$r : Text
$r:="zero"
If ($n>0)
	return "positive"
End if
If ($n<0)
	return "negative"
End if
