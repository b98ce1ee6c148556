#DECLARE($data : Object)
var $r : Object
$r:=New object
$r.instance:=OB Instance of($data.counter; cs.Counter)
$r.twice:=$data.counter.twice()
$data.counter.n:=1000
$r.className:=$data.class.name
$r.made:=$data.class.new(4).twice()
$r.store:=($data.store.Counter=cs.Counter)
$r.function:=$data.twice.call($data.counter)
$r.cycle:=($data.node.child.parent=$data.node)
$r.leaf:=$data.node.child.name
Use ($data.signal)
	$data.signal.report:=OB Copy($r; ck shared; $data.signal)
End use
$data.signal.trigger()
