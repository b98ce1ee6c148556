// §7.4, §10 (mini4d code -10722): an uncaught modification outside Use stops the method with a runtime error
var $o : Object
$o:=New shared object("v"; 1)
ALERT("before")
$o.v:=2
ALERT("not reached")
