#DECLARE($n : Integer) -> $r : Integer
ALERT("limit called")
$r:=$n
