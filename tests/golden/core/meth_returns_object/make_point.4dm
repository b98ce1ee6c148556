#DECLARE($x : Real; $y : Real) -> $r : Object
$r:=New object("x"; $x; "y"; $y)
