// §4 (cf_looping.md): the number of iterations is fixed when the loop starts
var $c : Collection
var $v : Variant
var $passes : Integer
$c:=[1; 2; 3]
For each ($v; $c)
	$c.push($v*10)
	$passes:=$passes+1
End for each
ALERT("passes="+String($passes))
ALERT(JSON Stringify($c))
