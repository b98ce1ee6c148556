// §8 (process-activity.md "processes", process-info.md shape): Process activity.processes is a collection listing the main process and a running child by number and name
var $s; $pa; $p : Object
var $n; $i : Integer
var $foundMain; $foundChild : Boolean
$s:=New shared object("started"; 0; "go"; 0; "done"; 0)
$n:=New process("hold"; 0; "Listed_Child"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.started=1) | ($i>=1200))
$pa:=Process activity
ALERT(String(Value type($pa.processes)=Is collection))
For each ($p; $pa.processes)
	If ($p.number=Current process)
		$foundMain:=True
	End if
	If (($p.number=$n) & ($p.name="Listed_Child"))
		$foundChild:=True
	End if
End for each
ALERT("main listed: "+String($foundMain))
ALERT("child listed: "+String($foundChild))
Use ($s)
	$s.go:=1
End use
$i:=0
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
