// §2.6 (dt_object.md): assigning an existing property keeps its position; a new one is appended
var $o : Object
$o:={first: 1; second: 2}
$o.first:="one"
$o.third:=3
ALERT(JSON Stringify($o))
