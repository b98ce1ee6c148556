#DECLARE($a : Integer; $b : Integer) -> $r : Integer
If ($b=0)
	$r:=$a
Else
	$r:=gcd($b; $a%$b)
End if
