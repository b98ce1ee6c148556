#DECLARE($i : Integer) -> $r : Integer
ALERT("idx called")
$r:=$i
