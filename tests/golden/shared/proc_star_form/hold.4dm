// counts its start in $s.started, waits until $s.go=1 (at most 20 s), then counts its end in $s.done
#DECLARE($s : Object)
var $i : Integer
Use ($s)
	$s.started:=$s.started+1
End use
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.go=1) | ($i>=1200))
Use ($s)
	$s.done:=$s.done+1
End use
