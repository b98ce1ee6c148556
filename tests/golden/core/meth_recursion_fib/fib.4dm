#DECLARE($n : Integer) -> $r : Integer
If ($n<2)
	$r:=$n
Else
	$r:=fib($n-1)+fib($n-2)
End if
