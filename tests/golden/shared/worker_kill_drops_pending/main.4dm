// §9 (kill-worker.md): KILL WORKER lets the current message finish but drops the pending ones; a later CALL WORKER starts a new worker process that runs the new message
var $s : Object
var $i : Integer
$s:=New shared object("started"; 0; "go"; 0; "slowdone"; 0; "last"; ""; "marks"; New shared collection())
CALL WORKER("kw"; "kw_slow"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.started=1) | ($i>=1200))
CALL WORKER("kw"; "kw_mark"; $s; "pending")
KILL WORKER("kw")
Use ($s)
	$s.go:=1
End use
$i:=0
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.slowdone=1) | ($i>=1200))
CALL WORKER("kw"; "kw_mark"; $s; "after")
$i:=0
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.last="after") | ($i>=1200))
ALERT("slowdone="+String($s.slowdone))
ALERT(JSON Stringify($s.marks))
