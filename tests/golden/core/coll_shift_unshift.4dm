// §6.2 (CollectionClass.md): shift removes the first element; unshift inserts values keeping their order
var $c : Collection
var $v : Variant
$c:=New collection(1; 2; 4)
$v:=$c.shift()
ALERT(String($v)+" "+JSON Stringify($c))
$c.unshift(6; 7)
ALERT(JSON Stringify($c))
$c.unshift(0)
ALERT(JSON Stringify($c))
