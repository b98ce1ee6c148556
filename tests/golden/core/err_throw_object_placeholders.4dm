// §10 (throw.md): {prop} placeholders in message are filled from the error object's custom properties
Try
	throw({errCode: 600; message: "File {name} not found in {dir}"; name: "a.txt"; dir: "/tmp"})
Catch
	ALERT(String(Last errors[0].errCode))
	ALERT(Last errors[0].message)
	ALERT(Last errors[0].name)
End try
