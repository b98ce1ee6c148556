#DECLARE($n : Integer) : Integer
If ($n<0)
	return 0
End if 
return nm_down($n+1)+1
