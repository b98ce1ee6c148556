// §6.2 (CollectionClass.md): concat returns a new collection; collection arguments are flattened one level
var $c; $d : Collection
$c:=[1; 2]
$d:=$c.concat([3; 4]; 5)
ALERT(JSON Stringify($d))
ALERT(JSON Stringify($c.concat([[6; 7]])))
ALERT(JSON Stringify($c))
