// §8 (session-storage.md): Session storage(Session.id) returns the very object Session.storage
var $st : Object
$st:=Session storage(Session.id)
ALERT(String($st=Session.storage))
ALERT(String(OB Is shared($st)))
Use ($st)
	$st.counter:=New shared object("n"; 1)
End use
ALERT(String(Session.storage.counter.n))
