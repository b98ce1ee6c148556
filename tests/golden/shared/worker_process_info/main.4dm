// §8-9 (processes.md "Identifying Worker processes", process-info.md): a worker runs in its own process named after it, of type Worker process (5), still alive after its message
var $s : Object
var $i : Integer
$s:=New shared object("done"; 0)
CALL WORKER("info_worker"; "info_report"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT(String($s.num=Process number("info_worker")))
ALERT(String($s.num>1))
ALERT(String($s.type))
ALERT($s.name)
ALERT(String($s.num#Current process))
