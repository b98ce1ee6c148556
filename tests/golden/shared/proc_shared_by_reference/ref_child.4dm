#DECLARE($s : Object; $k : Integer)
Use ($s)
	$s.out:=$s.in*$k
	$s.isShared:=OB Is shared($s)
	$s.done:=1
End use
