// §10 (assert.md): with a message, the error text is "Assert failed: " + message
Try
	ASSERT(False; "the list must not be empty")
Catch
	ALERT(String(Last errors[0].errCode))
	ALERT(Last errors[0].message)
End try
