// Formula's argument may be an assignment: the formula then runs it (collection callbacks)
var $c : Collection
$c:=[1; 5; 12]
$big:=$c.filter(Formula($1.result:=$1.value>4))
$f:=Formula($1.result:=String($1.value))
$ok:=$c.some(Formula:C1597($1.result:=($1.value%2)=0))
