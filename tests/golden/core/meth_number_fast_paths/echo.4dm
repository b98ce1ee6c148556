#DECLARE($x : Variant) : Variant
return $x
