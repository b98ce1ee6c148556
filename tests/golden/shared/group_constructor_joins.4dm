// §7.7 (new-shared-object.md, new-shared-collection.md: values share the locking identifier): shared values given to the constructors join the new object's group
var $child; $parent; $elem : Object
var $coll : Collection
$child:=New shared object("v"; 0)
$parent:=New shared object("child"; $child)
Use ($parent)
	$child.v:=1
End use
$elem:=New shared object("w"; 0)
$coll:=New shared collection($elem)
Use ($coll)
	$elem.w:=1
End use
ALERT(String($child.v)+" "+String($elem.w))
