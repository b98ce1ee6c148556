// §9 (processes.md "Elements of a process"): each process has its own process variables; the child's assignment does not change the main process's variable
var pvLabel : Text
var $s : Object
var $n; $i : Integer
$s:=New shared object("done"; 0)
pvLabel:="main"
$n:=New process("pv_child"; 0; "pv_child_p"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT("main sees "+pvLabel)
ALERT("child saw "+$s.seen)
