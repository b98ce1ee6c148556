// current-method-name.md, "Database Method" row: the database method's name
ALERT("On Startup database method: "+Current method name)
