// §11 (log-event.md): with importance Error message the text goes to stderr
LOG EVENT(Into system standard outputs; "to stdout\n")
LOG EVENT(Into system standard outputs; "to stderr\n"; Error message)
LOG EVENT(Into system standard outputs; "stdout again\n")
