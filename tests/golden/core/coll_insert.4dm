// §6.2, §15 #28 (CollectionClass.md): insert at index; negative adds length; beyond the end appends
var $c : Collection
$c:=["a"; "b"; "c"; "d"]
$c.insert(2; "X")
$c.insert(-2; "Y")
ALERT(JSON Stringify($c))
$c.insert(-100; "first")
$c.insert(100; "last")
ALERT(JSON Stringify($c))
