// §6.2 (CollectionClass.md sort): a Formula callback gets $1.value / $1.value2 and returns True if value < value2
var $c : Collection
$c:=[3; 1; 2]
$c.sort(Formula($1.value>$1.value2))
ALERT(JSON Stringify($c))
$c:=[25; 3; 100]
$c.sort(Formula(String($1.value)<String($1.value2)))
ALERT(JSON Stringify($c))
$c:=[{n: "b"; v: 2}; {n: "a"; v: 1}]
$c.sort(Formula($1.value.v<$1.value2.v))
ALERT($c[0].n+$c[1].n)
