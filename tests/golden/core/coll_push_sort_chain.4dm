// §6.2, §15 #26 (dt_collection.md): mutating functions return the collection, so they chain; the original is sorted
var $c; $d : Collection
$c:=New collection(5; 20)
$d:=$c.push(10; 100).sort()
ALERT(JSON Stringify($d))
ALERT(JSON Stringify($c))
ALERT(String($c=$d))
