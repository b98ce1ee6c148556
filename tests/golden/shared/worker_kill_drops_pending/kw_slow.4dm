#DECLARE($s : Object)
var $i : Integer
Use ($s)
	$s.started:=1
End use
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.go=1) | ($i>=1200))
Use ($s)
	$s.slowdone:=1
End use
