// §7.6, §10: an error inside Use caught by an enclosing Try leaves the Use block: the object is released (not modifiable any more here, usable by another process)
var $s; $r : Object
var $n; $i : Integer
$s:=New shared object("v"; 0)
$r:=New shared object("done"; 0)
Try
	Use ($s)
		$s.v:=1
		$s.bad:=New object("x"; 1)
		$s.v:=2
	End use
Catch
	ALERT("caught "+String(Last errors[0].errCode))
End try
ALERT("v="+String($s.v))
Try
	$s.v:=3
Catch
	ALERT("after the Try: "+String(Last errors[0].errCode))
End try
$n:=New process("locker"; 0; "locker_p"; $s; $r)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($r.done=1) | ($i>=1200))
ALERT("child set v="+String($s.v))
