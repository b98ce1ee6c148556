// §6.2 (CollectionClass.md): clear removes all elements of the same collection
var $c; $d : Collection
$c:=[1; 2; 5]
$d:=$c
$c.clear()
ALERT(String($c.length)+" "+String($d.length))
