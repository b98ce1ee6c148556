// §11 (log-event.md): LOG EVENT with Into system standard outputs writes the text exactly, no newline added
LOG EVENT(Into system standard outputs; "a")
LOG EVENT(Into system standard outputs; "b")
LOG EVENT(Into system standard outputs; "\n")
LOG EVENT(Into system standard outputs; "line two\n"; Information message)
LOG EVENT(Into system standard outputs; "warned\n"; Warning message)
