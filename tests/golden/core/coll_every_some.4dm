// §6.2 (CollectionClass.md): every / some with Formula callbacks and an optional start index
var $c : Collection
$c:=[2; 4; 6]
ALERT(String($c.every(Formula($1.value%2=0))))
$c.push(7)
ALERT(String($c.every(Formula($1.value%2=0))))
ALERT(String($c.some(Formula($1.value>6))))
ALERT(String($c.some(Formula($1.value>100))))
ALERT(String([5; -1; -2].some(1; Formula($1.value>0))))
