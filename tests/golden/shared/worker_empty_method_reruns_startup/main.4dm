// §9 (call-worker.md, processes.md: an empty method name re-runs the worker's startup method): the second call with "" runs the startup method again, with the new parameters
var $s : Object
var $i : Integer
$s:=New shared object("runs"; 0; "log"; "")
CALL WORKER("startup_worker"; "startup_m"; $s; "a")
CALL WORKER("startup_worker"; ""; $s; "b")
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.runs=2) | ($i>=1200))
ALERT("runs="+String($s.runs))
ALERT("log="+$s.log)
