#DECLARE($k : Text) -> $r : Text
ALERT("key called")
$r:=$k
