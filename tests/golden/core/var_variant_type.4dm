// §2.1 (type.md, value-type.md): Type gives the declared type (Variant 12), Value type the current value's type
var $v : Variant
$v:="text now"
ALERT(String(Type($v))+" "+String(Value type($v)))
$v:=!2021-01-01!
ALERT(String(Type($v))+" "+String(Value type($v)))
$v:=New collection
ALERT(String(Type($v))+" "+String(Value type($v)))
