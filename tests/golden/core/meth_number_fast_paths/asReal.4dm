#DECLARE($x : Real) : Real
return $x
