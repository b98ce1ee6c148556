// §5 (variables.md): local variables belong to their method; a callee's $x is not the caller's $x
var $x : Integer
$x:=1
touch
ALERT("caller x="+String($x))
