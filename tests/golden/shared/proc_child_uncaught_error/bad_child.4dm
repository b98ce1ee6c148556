#DECLARE($s : Object)
Use ($s)
	$s.started:=1
End use
$s.v:=2
Use ($s)
	$s.v:=3
End use
