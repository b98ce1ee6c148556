// §3.1 (operators.md Precedence): && and || share the precedence of & and |, left to right: a || b && c = (a || b) && c
var $v : Variant
$v:="a" || "b" && "c"
ALERT(String($v))
$v:="" || "b" && ""
ALERT("["+String($v)+"]")
$v:=("x" || "y") && "z"
ALERT(String($v))
