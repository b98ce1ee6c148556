// §9, §7.11 (new-process.md, shared.md): a shared object passed to New process is the same object in the new process; its changes are seen by the caller
var $s : Object
var $n; $i : Integer
$s:=New shared object("done"; 0; "in"; 20)
$n:=New process("ref_child"; 0; "ref_child_p"; $s; 5)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT(String($s.out))
ALERT(String($s.isShared))
ALERT(String($n>1))
