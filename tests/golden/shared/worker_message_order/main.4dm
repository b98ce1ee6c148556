// §9 (processes.md: messages go to the worker's message box and run one after another in its process): a worker prints its messages in the order they were sent
var $s : Object
var $i : Integer
$s:=New shared object("done"; 0)
ALERT("start")
CALL WORKER("printer"; "say"; "one")
CALL WORKER("printer"; "say"; "two")
CALL WORKER("printer"; "say"; "three")
CALL WORKER("printer"; "say_done"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT("end")
