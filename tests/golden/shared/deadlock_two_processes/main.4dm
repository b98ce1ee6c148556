// §7.6 (mini4d choice: a Use that would wait forever fails with -10725 instead of hanging): two processes take A then B and B then A; exactly one gets the error, the other completes
var $a; $b; $s : Object
var $n1; $n2; $i : Integer
$a:=New shared object("v"; 0)
$b:=New shared object("v"; 0)
$s:=New shared object("ready"; 0; "ok"; 0; "fail"; 0; "code"; 0; "done"; 0)
$n1:=New process("lock_pair"; 0; "lock_ab"; $a; $b; $s)
$n2:=New process("lock_pair"; 0; "lock_ba"; $b; $a; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=2) | ($i>=1800))
ALERT("done="+String($s.done))
ALERT("ok="+String($s.ok))
ALERT("fail="+String($s.fail))
ALERT("code="+String($s.code))
ALERT("writes="+String($a.v+$b.v))
