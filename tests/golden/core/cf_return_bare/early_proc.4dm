ALERT("proc start")
return
ALERT("not reached")
