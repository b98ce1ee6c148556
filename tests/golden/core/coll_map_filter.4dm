// §6.2 (CollectionClass.md): map and filter with Formula callbacks ($1.value, extra params in $2...)
var $c : Collection
$c:=[1; 5; 2; 8]
ALERT(JSON Stringify($c.map(Formula($1.value*10))))
ALERT(JSON Stringify($c.map(Formula($1.value+$2); 100)))
ALERT(JSON Stringify($c.filter(Formula($1.value>$2); 3)))
ALERT(JSON Stringify($c.filter(Formula(Value type($1.value)=Is text))))
ALERT(JSON Stringify($c))
