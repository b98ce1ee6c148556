Use (Storage.log)
	Storage.log.push("hostHandler caught "+String(Error)+" in "+Error method)
End use
