#DECLARE($a : Integer; $b : Real; $c : Real) : Real
return $a+$b+$c
