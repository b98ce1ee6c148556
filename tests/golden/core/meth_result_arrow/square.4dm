#DECLARE($x : Real) -> $r : Real
$r:=$x
$r:=$r*$x
