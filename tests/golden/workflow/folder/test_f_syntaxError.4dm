If (True)
	ALERT("never closed")
