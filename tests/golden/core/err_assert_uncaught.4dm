// §10, §15 #37 (assert.md): an uncaught failed ASSERT stops the run
ALERT("before")
ASSERT(2+2=5)
ALERT("not reached")
