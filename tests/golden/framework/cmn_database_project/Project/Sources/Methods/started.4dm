ALERT("startup project method: "+Current method name)
