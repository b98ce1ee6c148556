// §6.2, §15 #23 (CollectionClass.md): slice(start{; end}), end excluded, negatives add length
var $c : Collection
$c:=New collection(1; 2; 3; 4; 5)
ALERT(JSON Stringify($c.slice(1; -1)))
ALERT(JSON Stringify($c.slice(2)))
ALERT(JSON Stringify($c.slice(-2)))
ALERT(JSON Stringify($c.slice(0; 2)))
ALERT(JSON Stringify($c.slice(4; 2)))
ALERT(JSON Stringify($c))
