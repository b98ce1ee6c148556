#DECLARE($s : Text) -> $r : Text
ALERT("pick "+$s)
$r:=$s
