// §7.6, §9 (shared.md "Use...End use"; mini4d: processes are real threads): 4 processes each do 1000 increments of a shared counter inside Use; none is lost
var $s : Object
var $k; $n; $i : Integer
$s:=New shared object("count"; 0; "done"; 0)
For ($k; 1; 4)
	$n:=New process("incr"; 0; "incr_"+String($k); $s; 1000)
End for
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=4) | ($i>=3600))
ALERT("done="+String($s.done))
ALERT("count="+String($s.count))
