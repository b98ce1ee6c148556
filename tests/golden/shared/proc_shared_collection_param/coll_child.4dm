#DECLARE($c : Collection; $s : Object)
$c.push("child")
Use ($c)
	$c[0]:="main, seen by child"
End use
Use ($s)
	$s.done:=1
End use
