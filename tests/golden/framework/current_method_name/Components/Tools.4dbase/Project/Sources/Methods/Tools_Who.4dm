//%attributes = {"shared":true}
#DECLARE()->$t : Text
// A component's method, and a component class constructor and function
var $w : cs.Worker
$w:=cs.Worker.new()
$t:=Current method name+" / "+$w.where+" / "+$w.run()
