// `break` outside a loop is refused when it runs.
ALERT("before")
break
ALERT("not reached")
