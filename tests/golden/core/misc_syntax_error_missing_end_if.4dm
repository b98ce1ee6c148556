// §4: an If without End if is a syntax error (exit 2); nothing runs
ALERT("must not run")
If (True)
	ALERT("inside")
