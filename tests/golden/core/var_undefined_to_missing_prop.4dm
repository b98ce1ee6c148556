// §2.5 (dt_null_undefined.md): assigning undefined to a missing property does nothing
var $o : Object
$o:=New object
$o.x:=$o.y
ALERT(String(OB Is defined($o; "x")))
ALERT(String(OB Keys($o).length))
