// §9 (processes.md: a worker name is case sensitive): "Box" and "box" are two different workers, in two different processes
var $s : Object
var $i : Integer
$s:=New shared object("done"; 0)
CALL WORKER("Box"; "box_report"; $s; "upper")
CALL WORKER("box"; "box_report"; $s; "lower")
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=2) | ($i>=1200))
ALERT(String($s.upper#$s.lower))
ALERT(String($s.upper>1)+" "+String($s.lower>1))
