// §7.5 (shared.md "Read": reading is allowed even while another process uses the object): a child process reads a shared object that the main process holds in Use
var $s; $r : Object
var $n; $i : Integer
$s:=New shared object("v"; 0)
$r:=New shared object("seen"; -1; "done"; 0)
Use ($s)
	$s.v:=7
	$n:=New process("reader"; 0; "reader_p"; $s; $r)
	Repeat
		DELAY PROCESS(Current process; 1)
		$i:=$i+1
	Until (($r.done=1) | ($i>=1200))
End use
ALERT("seen="+String($r.seen))
