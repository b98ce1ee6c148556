// §10: an uncaught error in a called method stops the whole method chain (the caller does not resume)
ALERT("main start")
fail_now
ALERT("main not reached")
