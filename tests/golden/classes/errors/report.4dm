#DECLARE($label : Text)
ALERT($label+": "+String(Last errors[0].errCode)+" "+Last errors[0].message)
