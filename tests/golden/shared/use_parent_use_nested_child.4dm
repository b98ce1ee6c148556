// §7.7 (shared.md): a shared value stored in another one joins its group: Use on the parent allows writing the nested values, Use on a nested value allows writing the parent; outside Use it fails
var $root : Object
$root:=New shared object
Use ($root)
	$root.inner:=New shared object("v"; 1)
	$root.list:=New shared collection()
End use
Use ($root)
	$root.inner.v:=2
	$root.list[0]:="first"
End use
Try
	$root.inner.v:=3
Catch
	ALERT("nested outside Use: "+String(Last errors[0].errCode))
End try
Use ($root.inner)
	$root.top:="via inner"
End use
ALERT(JSON Stringify($root))
