ALERT("hello from greet")
