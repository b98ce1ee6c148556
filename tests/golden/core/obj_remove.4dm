// §6.1 (ob-remove.md): OB REMOVE deletes a property
var $o : Object
$o:={a: 1; b: 2; c: 3}
OB REMOVE($o; "b")
ALERT(JSON Stringify($o))
OB REMOVE($o; "nothing")
ALERT(JSON Stringify($o))
