ALERT("trapped "+String(Error))
