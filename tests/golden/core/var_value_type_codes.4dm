// §2.1, §2.2 (value-type.md): Value type codes of values; numbers are Real (1) in interpreted mode
var $o : Object
$o:=New object
ALERT(String(Value type("x")))
ALERT(String(Value type(1.5)))
ALERT(String(Value type(42)))
ALERT(String(Value type(True)))
ALERT(String(Value type(!2020-01-01!)))
ALERT(String(Value type(?01:00:00?)))
ALERT(String(Value type({})))
ALERT(String(Value type([])))
ALERT(String(Value type(Null)))
ALERT(String(Value type($o.missing)))
