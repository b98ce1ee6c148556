#DECLARE($a : Text; $b : Text) -> $r : Text
$r:=$a+"+"+$b
