// §6.3 (json-stringify.md ex. 3): compact, keys in definition order, nested objects, escaped quotes
var $o : Object
$o:=New object
$o.z:=1
$o.a:="x"
$o.m:={k: Null; t: True}
$o.q:="say \"hi\""
ALERT(JSON Stringify($o))
