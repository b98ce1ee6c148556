// §10 (on-err-call.md): the handler runs on error, then execution continues after the failing line; "" uninstalls
ON ERR CALL("err_handler")
ALERT("one")
throw(777; "first problem")
ALERT("two")
throw(778; "second problem")
ALERT("three")
ON ERR CALL("")
ALERT("uninstalled")
