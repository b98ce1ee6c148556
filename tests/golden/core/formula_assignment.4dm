// Formula($1.result:=…) as a collection callback: the formula runs the assignment
var $c : Collection
$c:=[1; 5; 12; 30]
ALERT(JSON Stringify($c.filter(Formula($1.result:=$1.value>4))))
$f:=Formula($1.result:=$1.value*2)
ALERT(JSON Stringify($c.map($f)))
ALERT(String(Value type($f.call(Null; New object("value"; 3)))))
