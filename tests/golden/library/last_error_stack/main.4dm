// GET LAST ERROR STACK in an ON ERR CALL handler gives the errors Last errors lists, as
// three arrays: codes, internal components, texts.
ON ERR CALL("stackHandler")
ASSERT(False; "first")
ON ERR CALL("")
