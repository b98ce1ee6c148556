// §8-9 (new-process.md, process-info.md): inside the new process, Current process is the number New process returned and Process info gives the name it was started with
var $s : Object
var $n; $i : Integer
$s:=New shared object("done"; 0)
$n:=New process("self_reporter"; 0; "self_reporter_p"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT(String($s.num=$n))
ALERT($s.name)
ALERT(String($s.num#Current process))
ALERT(String(Current process))
