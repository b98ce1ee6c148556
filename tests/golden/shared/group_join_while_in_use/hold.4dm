#DECLARE($x : Object; $s : Object)
var $i : Integer
Use ($x)
	Use ($s)
		$s.ready:=1
	End use
	Repeat
		DELAY PROCESS(Current process; 1)
		$i:=$i+1
	Until (($s.release=1) | ($i>=600))
	$x.n:=$x.n+1
End use
Use ($s)
	$s.ready:=2
End use
