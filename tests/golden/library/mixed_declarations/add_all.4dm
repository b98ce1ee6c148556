#DECLARE($first : Integer) : Integer
C_LONGINT(${2})
var $sum : Integer:=$first
var $i : Integer
For ($i; 2; Count parameters)
	$sum+=${$i}
End for
return $sum
