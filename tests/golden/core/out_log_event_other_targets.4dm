// §11 (log-event.md): other targets write nothing to standard output
LOG EVENT("default target")
LOG EVENT(Into Windows log events; "windows")
LOG EVENT(Into 4D debug message; "debug")
LOG EVENT(Into 4D diagnostic log; "diagnostic")
ALERT("only this")
