Use (Storage.log)
	Storage.log.push("fromComponents caught "+String(Error)+" in "+Error method)
End use
