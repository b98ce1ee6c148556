// §9, §7.4 (mini4d: an error in another process goes to stderr with that process's name and makes the exit code 1): the main method still runs to its end
var $s : Object
var $n; $i : Integer
$s:=New shared object("started"; 0; "v"; 1)
ALERT("main start")
$n:=New process("bad_child"; 0; "bad_child_p"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.started=1) | ($i>=1200))
ALERT("main end")
