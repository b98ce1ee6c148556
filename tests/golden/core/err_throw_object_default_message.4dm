// §10 (throw.md ex. 3): throw({errCode: 1}) gets the default message "Error code: 1 (host)"
Try
	throw({errCode: 1})
Catch
	ALERT(String(Last errors[0].errCode))
	ALERT(Last errors[0].message)
	ALERT(Last errors[0].componentSignature)
End try
