// §6.2 (CollectionClass.md): first/last/at return undefined when absent; at accepts negative indexes
var $c; $e : Collection
$c:=[10; 20; 30]
$e:=[]
ALERT(String($c.first())+" "+String($c.last()))
ALERT(String($c.at(1))+" "+String($c.at(-1))+" "+String($c.at(-3)))
ALERT(String(Value type($c.at(5))))
ALERT(String(Value type($e.first()))+" "+String(Value type($e.last())))
