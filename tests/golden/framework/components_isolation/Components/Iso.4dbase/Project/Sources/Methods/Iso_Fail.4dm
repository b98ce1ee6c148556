//%attributes = {"shared":true}
#DECLARE()->$after : Text
// An error in the component's code
var $o : Object
$o:=New object
$o.missing()
$after:="component went on after its error"
