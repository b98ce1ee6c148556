// §6.1, §7.7 (ob-copy.md groupWith): OB Copy(x; ck shared; target) gives a shared copy already in target's group, which can then be stored there
var $g1; $g2; $x; $copy : Object
$g1:=New shared object
$g2:=New shared object
$x:=New shared object("city"; "Lyon")
Use ($g1)
	$g1.x:=$x
End use
Use ($g2)
	$g2.own:=New shared object()
End use
$copy:=OB Copy($x; ck shared; $g2)
ALERT(String(OB Is shared($copy)))
ALERT(String($copy=$x))
Use ($g2)
	$copy.city:="Nice"
End use
Use ($g2)
	$g2.x:=$copy
End use
ALERT($g2.x.city+" "+$x.city)
