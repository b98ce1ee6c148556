// §6.2 (CollectionClass.md): callbacks given as a method name set $1.result; reduce accumulates in $1.accumulator
var $c : Collection
$c:=[1; 2; 3; 4]
ALERT(JSON Stringify($c.filter("keep_big"; 2)))
ALERT(String($c.reduce("acc_add"; 0)))
ALERT(String($c.reduce("acc_add"; 100)))
ALERT(JSON Stringify($c.map("set_double")))
