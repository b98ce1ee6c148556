#DECLARE($x : Integer) : Integer
// return with and without a value
If ($x<0)
	return
End if
For ($i; 1; 10)
	If ($i=$x)
		return $i*2
	End if
End for
return -1
