// §11 (Debugging/basics.md, cli.md): TRACE does nothing when running headless
ALERT("before")
TRACE
ALERT("after")
