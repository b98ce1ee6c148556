// mini4d choice (found by tests/model_shared_lock.rs): a shared object inside another process's Use cannot join a shared group (-10723), so no update is lost; once released it can
var $x; $p; $s : Object
var $i : Integer
$x:=New shared object("n"; 0)
$p:=New shared object
$s:=New shared object("ready"; 0; "release"; 0)
New process("hold"; 0; "holder"; $x; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.ready=1) | ($i>=600))
Use ($p)
	Try
		$p.x:=$x
		ALERT("joined while in use")
	Catch
		ALERT("code="+String(Last errors[0].errCode))
	End try
End use
Use ($s)
	$s.release:=1
End use
$i:=0
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.ready=2) | ($i>=600))
Use ($p)
	$p.x:=$x
End use
Use ($p)
	$p.x.n:=$p.x.n+1
End use
ALERT("n="+String($x.n))
