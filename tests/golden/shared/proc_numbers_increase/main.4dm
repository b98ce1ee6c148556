// §9 (new-process.md): New process returns the new process's number; processes alive at the same time get increasing numbers above the main process's 1
var $s : Object
var $n1; $n2; $n3; $i : Integer
$s:=New shared object("started"; 0; "go"; 0; "done"; 0)
$n1:=New process("hold"; 0; "hold_1"; $s)
$n2:=New process("hold"; 0; "hold_2"; $s)
$n3:=New process("hold"; 0; "hold_3"; $s)
ALERT(String($n1>1))
ALERT(String($n2>$n1))
ALERT(String($n3>$n2))
Use ($s)
	$s.go:=1
End use
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=3) | ($i>=1200))
ALERT("done="+String($s.done))
