// §8 (process-number.md, process-info.md, process-state.md): a running process is found by its name; Process info gives its name, number and session; its state is not negative
var $s; $info : Object
var $n; $i : Integer
$s:=New shared object("started"; 0; "go"; 0; "done"; 0)
$n:=New process("hold"; 0; "Named_Holder"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.started=1) | ($i>=1200))
ALERT(String(Process number("Named_Holder")=$n))
$info:=Process info($n)
ALERT($info.name)
ALERT(String($info.number=$n))
ALERT(String($info.sessionID=Session.id))
ALERT(String(Process state($n)>=0))
Use ($s)
	$s.go:=1
End use
$i:=0
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT("done="+String($s.done))
