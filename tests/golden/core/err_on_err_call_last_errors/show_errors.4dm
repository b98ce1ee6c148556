ALERT("code="+String(Last errors[0].errCode)+" message="+Last errors[0].message)
