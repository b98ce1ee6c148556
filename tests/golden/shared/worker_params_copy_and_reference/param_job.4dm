#DECLARE($s : Object; $p : Object)
$p.n:=$p.n+100
Use ($s)
	$s.n:=$s.n+1
	$s.copyN:=$p.n
	$s.done:=1
End use
