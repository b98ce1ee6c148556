// §6.2 (CollectionClass.md): fill(value{; start{; end}}), end excluded, negatives add length
var $c : Collection
$c:=[1; 2; 3; 4; 5]
$c.fill(0)
ALERT(JSON Stringify($c))
$c.fill(9; 3)
ALERT(JSON Stringify($c))
$c.fill(7; 1; 3)
ALERT(JSON Stringify($c))
$c.fill(5; 1; -3)
ALERT(JSON Stringify($c))
