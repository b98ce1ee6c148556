// §2.5 (dt_null_undefined.md): reading a property of an explicit null is an error
var $o : Object
var $x : Variant
$o:=New object("n"; Null)
ALERT("before")
$x:=$o.n.k
ALERT("not reached")
