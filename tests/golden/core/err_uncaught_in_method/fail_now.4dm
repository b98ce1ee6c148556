ALERT("fail_now start")
throw(321; "deep failure")
ALERT("fail_now not reached")
