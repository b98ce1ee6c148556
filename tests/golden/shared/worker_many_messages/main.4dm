// §9 (processes.md: the message box handles successive calls): 100 messages sent in a row are all run, once each, by the same worker
var $s : Object
var $k; $i : Integer
$s:=New shared object("done"; 0)
CALL WORKER("count_worker"; "cnt_init")
For ($k; 1; 100)
	CALL WORKER("count_worker"; "cnt_add"; $k)
End for
CALL WORKER("count_worker"; "cnt_report"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT("messages="+String($s.count))
ALERT("sum="+String($s.sum))
ALERT("in order: "+String($s.ordered))
