ALERT("global: "+String(Error)+" "+Last errors[0].message)
