#DECLARE($x : Integer) : Integer
return $x
