ALERT("helper")
