// §7.6 (shared.md: a process calling Use on an object used by another process waits, without error): the child's write happens only after the main process's End use
var $s; $r : Object
var $n; $i : Integer
$s:=New shared object("v"; "init")
$r:=New shared object("started"; 0; "done"; 0)
Use ($s)
	$s.v:="main"
	$n:=New process("writer"; 0; "writer_p"; $s; $r)
	Repeat
		DELAY PROCESS(Current process; 1)
		$i:=$i+1
	Until (($r.started=1) | ($i>=1200))
	DELAY PROCESS(Current process; 20)
	ALERT("inside: "+$s.v)
End use
$i:=0
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($r.done=1) | ($i>=1200))
ALERT("after: "+$s.v)
