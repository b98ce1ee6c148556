// §4 (cf_looping.md): the end expression of For is evaluated only once, before the first pass
var $i; $passes : Integer
For ($i; 1; limit(3))
	$passes:=$passes+1
End for
ALERT("passes="+String($passes))
