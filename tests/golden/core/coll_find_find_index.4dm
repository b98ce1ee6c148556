// §6.2 (CollectionClass.md): find returns the first matching element (or undefined), findIndex its index (or -1)
var $c : Collection
var $o : Object
$c:=[{n: "a"; v: 1}; {n: "b"; v: 2}; {n: "b"; v: 3}]
$o:=$c.find(Formula($1.value.n=$2); "b")
ALERT(String($o.v))
ALERT(String(Value type($c.find(Formula($1.value.n="zz")))))
ALERT(String($c.findIndex(Formula($1.value.n=$2); "b")))
ALERT(String($c.findIndex(2; Formula($1.value.n=$2); "b")))
ALERT(String($c.findIndex(Formula($1.value.v>10))))
