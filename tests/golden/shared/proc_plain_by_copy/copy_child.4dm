#DECLARE($s : Object; $p : Object; $c : Collection)
$p.v:=$p.v+10
$p.inner.w:=$p.inner.w+10
$c.push(3)
Use ($s)
	$s.v:=$p.v
	$s.w:=$p.inner.w
	$s.len:=$c.length
	$s.pShared:=OB Is shared($p)
	$s.done:=1
End use
