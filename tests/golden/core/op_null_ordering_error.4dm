// §2.5 (dt_null_undefined.md): an ordering comparison with a null value is an error
var $o : Object
var $b : Boolean
$o:=New object("n"; Null)
ALERT("before")
$b:=($o.n>1)
ALERT("not reached")
