#DECLARE($x : Integer) : Integer
If ($x=1)
	return
End if
return 99
