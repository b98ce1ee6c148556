// §3.2, §15 #11 (operators.md): || returns the first truthy operand, else the last one
var $v : Variant
var $o : Object
$o:=New object
$v:=0 || 7
ALERT(String($v))
$v:="" || "default"
ALERT(String($v))
$v:=$o.missing || "fallback"
ALERT(String($v))
$v:="a" || "b"
ALERT(String($v))
$v:=False || False
ALERT(String($v))
$v:=Null || "n/a"
ALERT(String($v))
