// §6.2 (CollectionClass.md sort): ascending, types grouped null < booleans < strings < numbers, texts by collation
var $c : Collection
$c:=[12; 5; 300; 47]
$c.sort()
ALERT(JSON Stringify($c))
$c:=["b"; "C"; "a"]
$c.sort()
ALERT(JSON Stringify($c))
$c:=New collection("b"; 3; "a"; True; 1; Null)
$c.sort()
ALERT(JSON Stringify($c))
