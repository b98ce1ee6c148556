// §6.2 (CollectionClass.md copy): copy() is a deep copy; assignment shares the reference
var $c; $d; $e : Collection
$c:=[{a: 1}; [1]]
$d:=$c.copy()
$e:=$c
$d[0].a:=99
$d[1].push(2)
ALERT(JSON Stringify($c))
$e[0].a:=5
ALERT(JSON Stringify($c))
