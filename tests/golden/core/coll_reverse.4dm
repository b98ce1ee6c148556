// §6.2, §15 #27 (CollectionClass.md): reverse returns a new reversed (deep) copy; the original is untouched
var $c; $r : Collection
$c:=New collection(1; 3; 5; 2; 4; 6)
$r:=$c.reverse()
ALERT(JSON Stringify($r))
ALERT(JSON Stringify($c))
