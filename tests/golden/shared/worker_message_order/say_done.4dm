#DECLARE($s : Object)
Use ($s)
	$s.done:=1
End use
