// §9 (call-worker.md: standard objects are copied, shared objects passed by reference): the worker's change to a regular object stays in its copy; its change to a shared object is seen
var $s; $p : Object
var $i : Integer
$s:=New shared object("done"; 0; "n"; 1)
$p:=New object("n"; 1)
CALL WORKER("param_worker"; "param_job"; $s; $p)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT("shared n="+String($s.n))
ALERT("worker copy n="+String($s.copyN))
ALERT("caller object n="+String($p.n))
