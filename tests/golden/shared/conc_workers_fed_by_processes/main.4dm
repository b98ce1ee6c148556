// §9 (processes.md: a process created by New process can call a worker): 3 processes each send 10 messages to one worker; the worker runs all 30 in its own process
var $s : Object
var $k; $n; $i : Integer
$s:=New shared object("fed"; 0; "done"; 0)
CALL WORKER("sink"; "sink_init")
For ($k; 1; 3)
	$n:=New process("feeder"; 0; "feeder_"+String($k); $s; $k)
End for
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.fed=3) | ($i>=1200))
CALL WORKER("sink"; "sink_report"; $s)
$i:=0
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT("messages="+String($s.count))
ALERT("sum="+String($s.sum))
