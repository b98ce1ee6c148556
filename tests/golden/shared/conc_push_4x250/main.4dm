// §7.9, §9 (shared.md: collection functions do their own Use): 4 processes push 250 values each into one shared collection without Use; every push is kept
var $c : Collection
var $s : Object
var $k; $n; $i : Integer
$c:=New shared collection()
$s:=New shared object("done"; 0)
For ($k; 1; 4)
	$n:=New process("pusher"; 0; "pusher_"+String($k); $c; $s; $k; 250)
End for
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=4) | ($i>=3600))
ALERT("length="+String($c.length))
ALERT("sum="+String($c.sum()))
