// §4 (cf_looping.md): start > end with no negative step: the loop body never runs
var $i; $passes : Integer
For ($i; 5; 1)
	$passes:=$passes+1
End for
ALERT("passes="+String($passes))
