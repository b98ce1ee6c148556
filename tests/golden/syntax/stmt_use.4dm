// Use / End use on shared objects
$s:=New shared object
Use ($s)
	$s.count:=1
End use
Use (Storage)
	Storage.data:=New shared collection
End use
