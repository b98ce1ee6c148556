#DECLARE($s : Object; $r : Object)
Use ($r)
	$r.started:=1
End use
Use ($s)
	$s.v:="child"
End use
Use ($r)
	$r.done:=1
End use
