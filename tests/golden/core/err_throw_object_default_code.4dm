// §10 (throw.md): throw(object) without errCode uses -1
Try
	throw({message: "no code given"})
Catch
	ALERT(String(Last errors[0].errCode))
	ALERT(Last errors[0].message)
End try
