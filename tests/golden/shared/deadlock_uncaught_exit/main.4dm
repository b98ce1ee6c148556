// §7.6 (mini4d: deadlock -10725; an uncaught error in another process goes to stderr and makes the exit code 1): the failing process ends and releases its lock, the other one completes
var $a; $b; $s : Object
var $n1; $n2; $i : Integer
$a:=New shared object("v"; 0)
$b:=New shared object("v"; 0)
$s:=New shared object("ready"; 0; "ok"; 0)
$n1:=New process("lock_pair_nocatch"; 0; "nocatch_ab"; $a; $b; $s)
$n2:=New process("lock_pair_nocatch"; 0; "nocatch_ba"; $b; $a; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.ok=1) | ($i>=1800))
ALERT("ok="+String($s.ok))
ALERT("writes="+String($a.v+$b.v))
