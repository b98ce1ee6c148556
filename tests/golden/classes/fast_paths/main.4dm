// Class fast paths (constructor arguments into the frame, property sets on classes without
// accessors) give the general path's answers, errors included.
var $p; $q; $c; $b : Object
var $log : Text
$p:=cs.Point.new(1; 2)
$log:=$log+"point "+String($p.x)+","+String($p.y)+" sum "+String($p.sum())+" ctor result ignored: "+String(OB Instance of($p; cs.Point))+"\n"
$q:=cs.Point3.new(3; 4; 5)
$log:=$log+"point3 "+String($q.sum())+" z "+String($q.z)+" double "+String($q.double)+"\n"
$q.double:=10
$log:=$log+"after set double: "+String($q.x)+","+String($q.y)+"\n"
$q.x:=7
$log:=$log+"plain set on subclass: "+String($q.x)+"\n"
$c:=cs.Counted.new(3)
$log:=$log+"counted "+String($c.n)+"\n"
$b:=cs.Bare.new("ignored"; 2)
$log:=$log+"bare "+JSON Stringify($b)+"\n"
$p:=cs.Point.new(1; 2; 3)
$log:=$log+"extra argument: "+String($p.x)+","+String($p.y)+"\n"
$p:=cs.Point.new(1)
$log:=$log+"missing argument: "+String($p.x)+","+String($p.y)+"\n"
LOG EVENT(Into system standard outputs; $log)
$p:=cs.Point.new("a"; 2)
LOG EVENT(Into system standard outputs; "not reached\n")
