// §10 (error-handling.md Try(expression), 20 R4): Try(expr) returns the value, or undefined on error
var $o : Object
var $v : Variant
$v:=Try(1+1)
ALERT(String($v))
$o:=New object("n"; Null)
$v:=Try($o.n.k)
ALERT(String(Value type($v)))
ALERT(String(Last errors#Null))
ALERT("continues")
