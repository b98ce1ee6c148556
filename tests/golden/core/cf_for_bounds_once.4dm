// §4 (cf_looping.md): start/end/step are evaluated once; changing the end variable in the body has no effect
var $i; $n; $passes : Integer
$n:=3
For ($i; 1; $n)
	$n:=10
	$passes:=$passes+1
End for
ALERT("passes="+String($passes))
ALERT("n="+String($n))
