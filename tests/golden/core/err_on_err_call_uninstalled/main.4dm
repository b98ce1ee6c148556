// §10 (on-err-call.md): after ON ERR CALL("") errors are no longer trapped and stop the run
ON ERR CALL("quiet_handler")
throw(1; "trapped")
ALERT("continued")
ON ERR CALL("")
throw(2; "not trapped")
ALERT("not reached")
