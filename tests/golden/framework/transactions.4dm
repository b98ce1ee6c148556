// Without a datastore, transactions keep only their nesting level and OK.
ALERT(String(In transaction)+" "+String(Transaction level))
START TRANSACTION
START TRANSACTION
ALERT(String(In transaction)+" "+String(Transaction level))
VALIDATE TRANSACTION
ALERT(String(OK)+" "+String(Transaction level))
CANCEL TRANSACTION
ALERT(String(OK)+" "+String(In transaction)+" "+String(Transaction level))
