// §4 (cf_looping.md): For each over an empty collection or empty object runs no iteration
var $v : Variant
var $k : Text
var $passes : Integer
For each ($v; [])
	$passes:=$passes+1
End for each
For each ($k; {})
	$passes:=$passes+1
End for each
ALERT("passes="+String($passes))
