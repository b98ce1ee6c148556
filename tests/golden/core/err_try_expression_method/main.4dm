// §10 (error-handling.md Try(expression)): errors thrown inside a method called by Try(expr) are intercepted
var $v : Variant
$v:=Try(divide(10; 4))
ALERT(String($v))
$v:=Try(divide(1; 0))
ALERT(String(Value type($v)))
ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
