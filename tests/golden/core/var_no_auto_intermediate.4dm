// §2.5: $o.a.b:=1 when $o.a is undefined is an error (no auto-created intermediate objects)
var $o : Object
$o:=New object
ALERT("before")
$o.a.b:=1
ALERT("not reached")
