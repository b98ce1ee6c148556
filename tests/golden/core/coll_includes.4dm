// §6.2 (CollectionClass.md): includes follows the = rules; objects match by reference
var $o : Object
var $c : Collection
$o:={x: 1}
$c:=[1; "two"; $o]
ALERT(String($c.includes(1)))
ALERT(String($c.includes("TWO")))
ALERT(String($c.includes("t@")))
ALERT(String($c.includes("z")))
ALERT(String($c.includes($o)))
ALERT(String($c.includes({x: 1})))
