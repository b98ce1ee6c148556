// §2.6, §7.1 (shared.md): a shared object is held by reference; a change made through one variable is seen through the other, and Use works through either
var $a; $b : Object
$a:=New shared object("v"; 1)
$b:=$a
ALERT(String($a=$b))
Use ($b)
	$b.v:=2
End use
ALERT(String($a.v))
Use ($a)
	$b.w:="via b inside Use(a)"
End use
ALERT($a.w)
