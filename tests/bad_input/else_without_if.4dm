Else
ALERT("x")
