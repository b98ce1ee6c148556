#DECLARE($a : Real; $b : Real) : Integer
If ($a=$b)
	return 1
End if 
If ($a#$b)
	return 2
End if 
return 3
