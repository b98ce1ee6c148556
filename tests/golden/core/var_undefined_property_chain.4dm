// §2.5 (dt_object.md): reading a property of undefined, or of an unassigned Object variable, gives undefined without error
var $o; $e : Object
$o:=New object
ALERT(String(Value type($o.a)))
ALERT(String(Value type($o.a.b)))
ALERT(String(Value type($e.a)))
ALERT("done")
