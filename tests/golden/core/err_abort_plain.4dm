// §10 (abort.md Historical note): ABORT outside a handler also interrupts execution
ALERT("before")
ABORT
ALERT("not reached")
