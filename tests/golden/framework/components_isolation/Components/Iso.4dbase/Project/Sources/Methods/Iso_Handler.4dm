Use (Storage.log)
	Storage.log.push("Iso_Handler caught "+String(Error))
End use
