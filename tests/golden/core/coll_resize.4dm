// §6.2 (CollectionClass.md): resize pads with null or a default value, or truncates
var $c : Collection
$c:=[]
$c.resize(3)
ALERT(JSON Stringify($c))
$c:=[1]
$c.resize(3; 0)
ALERT(JSON Stringify($c))
$c:=[1; 2; 3; 4; 5]
$c.resize(2)
ALERT(JSON Stringify($c))
