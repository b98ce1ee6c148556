#DECLARE($a : Real; $b : Real) : Real
return ($a/$b)+($a%$b)
