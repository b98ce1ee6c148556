/* comment
ALERT("x")
