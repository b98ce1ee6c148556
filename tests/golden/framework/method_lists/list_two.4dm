ALERT("two")
