// §7.1 (new-shared-object.md, new-shared-collection.md): without parameters the constructors give an empty shared object / collection
var $o : Object
var $c : Collection
$o:=New shared object
$c:=New shared collection
ALERT(String(OB Is shared($o)))
ALERT(String(OB Is empty($o)))
ALERT(JSON Stringify($o))
ALERT(String(OB Is shared($c)))
ALERT(String($c.length))
ALERT(JSON Stringify($c))
