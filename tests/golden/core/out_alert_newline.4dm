// §11 (alert.md): ALERT writes its text followed by one newline
ALERT("first")
ALERT("")
ALERT("x\ny")
LOG EVENT(Into system standard outputs; "end")
