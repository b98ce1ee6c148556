// §10 (abort.md, on-err-call.md): ABORT in the error handler stops the interrupted method chain
ON ERR CALL("stop_handler")
ALERT("before")
throw(55; "fatal")
ALERT("not reached")
