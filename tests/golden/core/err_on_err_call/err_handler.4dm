ALERT("handler: Error="+String(Error))
