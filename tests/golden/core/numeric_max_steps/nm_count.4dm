#DECLARE($n : Integer) : Integer
var $i; $s : Integer
While ($i<$n)
	$i:=$i+1
	$s:=$s+$i
End while 
return $s
