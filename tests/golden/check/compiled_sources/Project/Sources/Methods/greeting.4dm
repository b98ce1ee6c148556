#DECLARE() -> $r : Text
$r:="hello"
