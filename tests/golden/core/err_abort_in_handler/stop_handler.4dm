ALERT("handler "+String(Error))
ABORT
ALERT("handler not reached")
