// §4 (cf_looping.md): For with start = end executes exactly once
var $i; $passes : Integer
For ($i; 3; 3)
	$passes:=$passes+1
	ALERT("in loop i="+String($i))
End for
ALERT("passes="+String($passes))
