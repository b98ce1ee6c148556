// §9 (new-process.md: standard objects and collections are passed by copy): the new process changes its own copy; the caller's values stay as they were
var $s; $p : Object
var $c : Collection
var $n; $i : Integer
$s:=New shared object("done"; 0)
$p:=New object("v"; 1; "inner"; New object("w"; 1))
$c:=New collection(1; 2)
$n:=New process("copy_child"; 0; "copy_child_p"; $s; $p; $c)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT("child saw v="+String($s.v)+" w="+String($s.w)+" length="+String($s.len))
ALERT("child copy shared: "+String($s.pShared))
ALERT("caller v="+String($p.v)+" w="+String($p.inner.w)+" length="+String($c.length))
