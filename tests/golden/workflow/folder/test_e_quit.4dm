// QUIT 4D ends the test like a return; the test passes.
QUIT 4D
ASSERT(False; "not reached")
