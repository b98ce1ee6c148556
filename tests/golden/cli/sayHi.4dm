ALERT("hi")
