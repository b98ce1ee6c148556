#DECLARE($r : Object)
Use (Storage)
	Storage.extra:=New shared object("by"; "child")
End use
Use ($r)
	$r.done:=1
End use
