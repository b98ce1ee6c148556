// §2.5 (dt_null_undefined.md): ordering comparison of undefined with undefined (or null) is an error
var $o : Object
var $b : Boolean
$o:=New object
ALERT("before")
$b:=($o.u>$o.v)
ALERT("not reached")
