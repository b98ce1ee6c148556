// §2.5 (dt_object.md): writing a property of an uninitialized Object variable is an error
var $o : Object
ALERT("before")
$o.a:=1
ALERT("not reached")
