#DECLARE($n : Integer) : Integer
If ($n<2)
	return $n
End if 
return nm_fib($n-1)+nm_fib($n-2)
