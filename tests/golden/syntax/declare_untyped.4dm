#DECLARE($a; $b)
$c:=$a+$b
