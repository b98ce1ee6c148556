// classes.md "Singleton classes", ClassClass.md .isSessionSingleton: a session singleton is one shared instance for every process of the session, created by cs.Name.me or new(); shared functions lock it, callers need no Use
var $v : cs.Visits
var $k; $n; $i : Integer
$v:=cs.Visits.me
ALERT(String(OB Is shared($v))+" "+String(cs.Visits.isShared)+" "+String(cs.Visits.isSingleton)+" "+String(cs.Visits.isSessionSingleton))
ALERT(String(cs.Plain.isSessionSingleton)+" "+String(cs.Plain.isSingleton))
ALERT(String($v.visit("main")))
ALERT(String(cs.Visits.me=$v)+" "+String(cs.Visits.new()=$v))
For ($k; 1; 3)
	$n:=New process("worker"; 0; "worker_"+String($k); 100)
End for
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($v.finished=3) | ($i>=3600))
ALERT("count="+String($v.count))
ALERT(JSON Stringify($v.names.copy().sort()))
