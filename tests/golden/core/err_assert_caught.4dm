// §10, §15 #37 (assert.md): ASSERT(False expression) raises -10518
Try
	ASSERT(1=2)
	ALERT("not reached")
Catch
	ALERT(String(Last errors[0].errCode))
End try
ASSERT(1=1)
ALERT("true assertion passes")
