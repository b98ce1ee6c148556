// §2.6 (dt_object.md): assignment shares the object; both variables see the change
var $a; $b : Object
$a:=New object("x"; 1)
$b:=$a
$b.x:=2
$b.y:="new"
ALERT(JSON Stringify($a))
