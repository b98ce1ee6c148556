// §2.6, §5 (parameters.md): objects and collections are passed by reference
var $o : Object
var $c : Collection
$o:=New object("count"; 1)
$c:=New collection("a")
bump($o; $c)
bump($o; $c)
ALERT(String($o.count))
ALERT(JSON Stringify($c))
