// §12 (FunctionClass.md .call): the first argument of .call is the object used as This
var $f : 4D.Function
var $a; $b : Object
$f:=Formula(This.price*This.qty)
$a:={price: 3; qty: 4}
$b:={price: 2.5; qty: 2}
ALERT(String($f.call($a)))
ALERT(String($f.call($b)))
