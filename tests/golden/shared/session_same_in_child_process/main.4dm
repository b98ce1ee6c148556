// §8 (session.md "Standalone session": any process of the application): a child process runs in the same session and shares Session.storage
var $s : Object
var $n; $i : Integer
$s:=New shared object("done"; 0)
$n:=New process("session_child"; 0; "session_child_p"; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT(String($s.id=Session.id))
ALERT(String($s.infoSession=Session.id))
ALERT(String(Session.storage.fromChild.v))
