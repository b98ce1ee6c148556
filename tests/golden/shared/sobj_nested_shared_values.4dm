// §7.2, §7.5 (shared.md): a shared object can hold shared objects and collections; nested values are read without Use
var $root : Object
$root:=New shared object("name"; "root")
Use ($root)
	$root.child:=New shared object("depth"; 1)
	$root.items:=New shared collection("x"; "y")
End use
ALERT(String($root.child.depth))
ALERT($root.items[1])
ALERT(String(OB Is shared($root.child)))
ALERT(String(OB Is shared($root.items)))
ALERT(JSON Stringify($root))
