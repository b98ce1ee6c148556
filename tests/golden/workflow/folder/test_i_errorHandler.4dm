// An error handled by ON ERR CALL does not fail the test.
ON ERR CALL("ignoreErrors")
throw(5; "handled")
ON ERR CALL("")
ASSERT(True)
