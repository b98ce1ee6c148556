// §4: a For closed by End while is a syntax error (exit 2); nothing runs
var $i : Integer
ALERT("must not run")
For ($i; 1; 2)
	ALERT("x")
End while
