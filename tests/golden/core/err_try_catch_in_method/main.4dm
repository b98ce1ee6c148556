// §10 (error-handling.md): an error raised in a called method is caught by the caller's Try; the method stops there
Try
	ALERT("calling")
	risky(1)
	ALERT("not reached")
Catch
	ALERT("caught "+String(Last errors[0].errCode))
End try
