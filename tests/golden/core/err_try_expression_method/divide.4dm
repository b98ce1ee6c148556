#DECLARE($a : Real; $b : Real) : Real
If ($b=0)
	throw(-12001; "division by zero")
	return 0
End if
return $a/$b
