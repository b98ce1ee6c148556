// §3.2 (operators.md): a compound assignment evaluates its target expression only once
var $c : Collection
var $o : Object
$c:=New collection(10; 20; 30)
$c[idx(1)]+=5
ALERT(JSON Stringify($c))
$o:=New object("k"; 1)
$o[key("k")]*=7
ALERT(String($o.k))
