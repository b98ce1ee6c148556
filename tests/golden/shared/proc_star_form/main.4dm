// §9 (new-process.md "Optional * parameter"): with *, New process returns the number of the running process of that name and starts nothing
var $s : Object
var $n1; $n2; $i : Integer
$s:=New shared object("started"; 0; "go"; 0; "done"; 0)
$n1:=New process("hold"; 0; "Solo"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.started=1) | ($i>=1200))
$n2:=New process("hold"; 0; "Solo"; $s; *)
ALERT(String($n2=$n1))
Use ($s)
	$s.go:=1
End use
$i:=0
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done>=1) | ($i>=1200))
ALERT("started="+String($s.started))
