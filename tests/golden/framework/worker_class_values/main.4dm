// call-worker.md: objects are copied into the worker and shared ones passed by reference; a copied class instance keeps its class, class objects and class functions stay usable, and a cycle in a copied object is kept
var $counter : cs.Counter
$counter:=cs.Counter.new(21)
var $node : Object
$node:=New object("name"; "root"; "child"; New object("name"; "leaf"))
$node.child.parent:=$node
var $s : 4D.Signal
$s:=New signal
var $data : Object
$data:=New object("signal"; $s; "counter"; $counter; "class"; cs.Counter; "store"; cs; "twice"; $counter.twice; "node"; $node)
CALL WORKER("class_worker"; "class_job"; $data)
ALERT("wait: "+String($s.wait(30)))
ALERT(JSON Stringify($s.report))
ALERT("caller counter n="+String($counter.n))
