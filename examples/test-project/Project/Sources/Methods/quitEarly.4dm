//%attributes = {}
ALERT("quitting")
QUIT 4D
ALERT("not printed: QUIT 4D ends the method")
