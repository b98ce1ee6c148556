// Dereferencing a Nil pointer is an error
var $p : Pointer
ALERT("before")
$p->:=1
ALERT("not reached")
