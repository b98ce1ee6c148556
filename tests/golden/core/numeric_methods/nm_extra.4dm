#DECLARE($a : Integer) : Integer
return $a+Count parameters
