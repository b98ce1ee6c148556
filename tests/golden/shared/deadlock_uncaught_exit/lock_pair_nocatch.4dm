// same as deadlock_two_processes/lock_pair, without Try: the deadlock error is not caught
#DECLARE($first : Object; $second : Object; $s : Object)
var $i : Integer
Use ($first)
	Use ($s)
		$s.ready:=$s.ready+1
	End use
	Repeat
		DELAY PROCESS(Current process; 1)
		$i:=$i+1
	Until (($s.ready=2) | ($i>=1200))
	Use ($second)
		$first.v:=$first.v+1
		$second.v:=$second.v+1
	End use
End use
Use ($s)
	$s.ok:=$s.ok+1
End use
