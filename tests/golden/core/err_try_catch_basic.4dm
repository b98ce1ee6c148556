// §10 (error-handling.md Try/Catch, throw.md, last-errors.md): throw jumps to Catch; Last errors describes the error
Try
	ALERT("in try")
	throw(50042; "custom failure")
	ALERT("not reached")
Catch
	ALERT("count="+String(Last errors.length))
	ALERT("code="+String(Last errors[0].errCode))
	ALERT("message="+Last errors[0].message)
End try
ALERT("after")
