#DECLARE($s : Object; $r : Object)
Use ($s)
	$s.v:=5
End use
Use ($r)
	$r.done:=1
End use
