// ON ERR CALL scopes: a local handler comes before the global one.
ON ERR CALL("global_handler"; ek global)
ON ERR CALL("local_handler")
ALERT(Method called on error+" / "+Method called on error(ek global)+" / ["+Method called on error(ek errors from components)+"]")
throw(12; "first")
ON ERR CALL("")
throw(13; "second")
ON ERR CALL(""; ek global)
ALERT("["+Method called on error(ek global)+"]")
