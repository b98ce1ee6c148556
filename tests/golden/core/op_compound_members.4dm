// §3.2 (operators.md): compound assignment works on object properties and collection elements
var $o : Object
var $c : Collection
$o:={n: 1; s: "a"}
$o.n+=4
$o.s+="b"
$c:=[1; 2; 3]
$c[1]*=10
$c[2]-=1
ALERT(String($o.n)+" "+$o.s)
ALERT(JSON Stringify($c))
