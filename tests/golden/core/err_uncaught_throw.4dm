// §10 (error-handling.md, throw.md): an uncaught error stops the run (exit code 1); nothing after it runs
ALERT("before")
throw(123; "boom")
ALERT("not reached")
