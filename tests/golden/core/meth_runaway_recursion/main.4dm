// §5 (methods.md): runaway recursion ends with a "stack full" error
ALERT("start")
recurse(1)
ALERT("not reached")
