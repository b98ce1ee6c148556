// §4 (flow-control.md): return in the main method stops it
ALERT("a")
If (True)
	return
End if
ALERT("b")
