// classes.md "Shared singleton", "Shared functions": 4 processes increment one shared singleton counter 500 times each through a shared function; no Use in the callers and no increment is lost
var $k; $n; $i : Integer
var $c : cs.Counter
$c:=cs.Counter.me
ALERT(String(OB Is shared($c))+" "+String(cs.Counter.isShared)+" "+String(cs.Counter.isSingleton))
For ($k; 1; 4)
	$n:=New process("worker"; 0; "worker_"+String($k); 500)
End for
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($c.finished=4) | ($i>=3600))
ALERT("finished="+String($c.finished))
ALERT("value="+String($c.value))
ALERT(JSON Stringify($c.log.copy().sort()))
ALERT(String(cs.Counter.me=$c)+" "+String(cs.Counter.new()=$c))
ALERT(String($c.increment(10)))
