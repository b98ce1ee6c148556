ALERT("hello")
