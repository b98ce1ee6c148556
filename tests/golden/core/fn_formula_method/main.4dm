// §12 (FunctionClass.md Parameters to a single method): Formula(method) passes the call's parameters to the method
var $f : 4D.Function
$f:=Formula(glue)
ALERT($f.call(Null; "Hi"; "there"))
ALERT($f.call())
