If (True)
ALERT("x")
End for
