// kill-worker.md: KILL WORKER without a parameter kills the current worker; a worker that killed itself and calls itself again does nothing, while a later call from another process starts a new worker
var $s : 4D.Signal
$s:=New signal
Use ($s)
	$s.labels:=New shared collection
End use
CALL WORKER("selfkill"; "selfkill_job"; $s; "first")
ALERT("first: "+String($s.wait(30))+" in "+$s.process)
var $t : 4D.Signal
$t:=New signal
Use ($t)
	$t.labels:=New shared collection
End use
CALL WORKER("selfkill"; "selfkill_job"; $t; "second")
ALERT("second: "+String($t.wait(30))+" in "+$t.process)
ALERT("new process: "+String($s.number#$t.number))
ALERT(JSON Stringify($s.labels)+" "+JSON Stringify($t.labels))
KILL WORKER("no such worker")
KILL WORKER(Current process)
ALERT("main still runs")
