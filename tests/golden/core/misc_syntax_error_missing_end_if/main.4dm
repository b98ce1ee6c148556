// §4: an If without End if is a syntax error (exit 2); nothing runs (own directory so the bad file is not a sibling method of other cases)
ALERT("must not run")
If (True)
	ALERT("inside")
