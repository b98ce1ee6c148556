// §6.2 (CollectionClass.md): push appends and returns the collection; pop removes and returns the last element
var $s : Collection
var $v : Variant
$s:=New collection
$s.push(1; 2)
ALERT(JSON Stringify($s))
$v:=$s.pop()
ALERT(String($v)+" "+JSON Stringify($s))
$s.push([4; 5])
$v:=$s.pop()
ALERT(JSON Stringify($v))
$v:=$s.pop()
ALERT(String($v)+" "+String($s.length))
$v:=$s.pop()
ALERT(String(Value type($v)))
