// §3.2, §15 #10 (operators.md): && returns the first falsy operand, else the last one (0 is truthy)
var $v : Variant
$v:="Hello" && "World"
ALERT(String($v))
$v:=5 && 10 && "hello"
ALERT(String($v))
$v:=False && 0
ALERT(String($v))
$v:=0 && "zero is truthy"
ALERT(String($v))
$v:="" && "never"
ALERT("["+String($v)+"]")
