#DECLARE($a : Integer) : Real
var $k : Integer
$k:=$a+10
return $k
