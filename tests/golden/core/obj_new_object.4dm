// §6.1 (new-object.md): New object with key/value pairs; keys are case-sensitive
var $o : Object
$o:=New object("city"; "Lyon"; "zip"; 69001)
ALERT(JSON Stringify($o))
$o:=New object("k"; 1; "K"; 2)
ALERT(JSON Stringify($o))
ALERT(JSON Stringify(New object))
