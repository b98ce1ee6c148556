// §6.2 (CollectionClass.md): remove(index{; howMany}); negative index adds length; empty collection: no error
var $c; $e : Collection
$c:=[0; 1; 2; 3; 4; 5; 6]
$c.remove(2)
ALERT(JSON Stringify($c))
$c.remove(1; 2)
ALERT(JSON Stringify($c))
$c.remove(-1)
ALERT(JSON Stringify($c))
$c.remove(-10; 1)
ALERT(JSON Stringify($c))
$e:=[]
$e.remove(0)
ALERT(JSON Stringify($e))
