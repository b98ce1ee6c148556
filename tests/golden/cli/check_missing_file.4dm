ALERT("x")
