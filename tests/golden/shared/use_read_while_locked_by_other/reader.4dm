#DECLARE($s : Object; $r : Object)
var $v : Real
$v:=$s.v
Use ($r)
	$r.seen:=$v
	$r.done:=1
End use
