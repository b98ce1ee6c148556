#DECLARE() -> $r : Integer
$r:=7
