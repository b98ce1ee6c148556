// §7.8 (storage.md: Storage does not share its locking identifier with its entries): a grouped shared object can be registered in Storage and stays in its group; a Storage entry can still join a group
var $a; $b; $g : Object
$a:=New shared object
$b:=New shared object("v"; 0)
Use ($a)
	$a.b:=$b
End use
Use (Storage)
	Storage.b:=$b
	Storage.free:=New shared object("w"; 0)
End use
ALERT(String(Storage.b=$b))
Use ($a)
	Storage.b.v:=1
End use
ALERT(String($b.v))
$g:=New shared object
Use ($g)
	$g.free:=Storage.free
End use
Use ($g)
	Storage.free.w:=1
End use
ALERT(String(Storage.free.w))
