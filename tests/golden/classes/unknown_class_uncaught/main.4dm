// An uncaught unknown class: the run stops with the error, its code and where it happened
var $o : Object
$o:=cs.Missing.new()
ALERT("not reached")
