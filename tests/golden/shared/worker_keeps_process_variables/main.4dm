// §9 (processes.md "Worker processes", call-worker.md): a worker stays alive between messages and keeps its process variables; it reports through a shared object
var $s : Object
var $i : Integer
$s:=New shared object("done"; 0)
CALL WORKER("acc_worker"; "acc_init")
CALL WORKER("acc_worker"; "acc_add"; 5)
CALL WORKER("acc_worker"; "acc_add"; 7)
CALL WORKER("acc_worker"; "acc_add"; 30)
CALL WORKER("acc_worker"; "acc_report"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT("total="+String($s.total))
ALERT("calls="+String($s.calls))
