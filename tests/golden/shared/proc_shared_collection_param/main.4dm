// §9, §7.11 (new-process.md, shared.md): a shared collection passed to New process is shared by reference; the child's pushes are seen by the caller
var $c : Collection
var $s : Object
var $n; $i : Integer
$c:=New shared collection("main")
$s:=New shared object("done"; 0)
$n:=New process("coll_child"; 0; "coll_child_p"; $c; $s)
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until (($s.done=1) | ($i>=1200))
ALERT(JSON Stringify($c))
