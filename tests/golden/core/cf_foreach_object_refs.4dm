// §4 (cf_looping.md): when elements are objects, the item variable refers to the element itself
var $c : Collection
var $e : Object
$c:=[{n: 1}; {n: 2}; {n: 3}]
For each ($e; $c)
	$e.n:=$e.n*10
End for each
ALERT(JSON Stringify($c))
