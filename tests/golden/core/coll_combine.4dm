// §6.2 (CollectionClass.md): combine inserts the elements of another collection (at the end by default)
var $c : Collection
$c:=[1; 2; 3]
$c.combine(["x"; "y"]; 1)
ALERT(JSON Stringify($c))
$c.combine(["z"]; -1)
ALERT(JSON Stringify($c))
$c.combine([7; 8])
ALERT(JSON Stringify($c))
