// §1.5, §5 (methods.md): methods may be called without parentheses, as a statement or in an expression
var $x : Integer
greet
$x:=seven+1
ALERT(String($x))
ALERT(String(seven*seven))
