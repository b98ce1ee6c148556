// §7.7 (shared.md): storing a shared object again inside its own group (another property, a nested object) is allowed
var $a; $b : Object
$a:=New shared object
$b:=New shared object("v"; 1)
Use ($a)
	$a.first:=$b
	$a.second:=$b
	$a.box:=New shared object()
	$a.box.again:=$b
End use
ALERT(String($a.second=$a.first))
ALERT(String($a.box.again=$b))
Use ($a.box)
	$b.v:=5
End use
ALERT(String($a.first.v))
