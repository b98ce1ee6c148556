ALERT("handler sees "+String(Error)+": "+Last errors[0].message)
