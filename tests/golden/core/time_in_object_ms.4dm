// §2.4, §6.1 (new-object.md): a time stored in an object becomes a Real number of milliseconds
var $o : Object
$o:=New object("t"; ?00:00:02?)
ALERT(String(Value type($o.t)))
ALERT(String($o.t))
ALERT(JSON Stringify($o))
