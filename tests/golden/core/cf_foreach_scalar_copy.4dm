// §4 (cf_looping.md): modifying a scalar item variable does not change the collection
var $c : Collection
var $n : Real
$c:=[1; 2; 3]
For each ($n; $c)
	$n:=$n*100
End for each
ALERT(JSON Stringify($c))
