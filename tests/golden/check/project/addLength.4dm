#DECLARE($a : Integer; $b : Text) : Integer
return $a+Length($b)
