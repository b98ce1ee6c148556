// §7.6-7 (shared.md "shared groups"): Use on any member of a group allows modifying every member of that group
var $parent; $child : Object
$parent:=New shared object("name"; "parent")
$child:=New shared object("name"; "child")
Use ($parent)
	$parent.kid:=$child
End use
Use ($child)
	$parent.touchedVia:="child"
End use
Use ($parent)
	$child.touchedVia:="parent"
End use
ALERT(JSON Stringify($parent))
