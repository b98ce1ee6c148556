// throw in its documented forms, caught and read back with Last errors.
var $e : Object
Try
	throw(50; "plain code and message")
Catch
	$e:=Last errors[0]
	ALERT(String($e.errCode)+" "+$e.message+" "+$e.componentSignature)
End try
Try
	throw(New object("errCode"; 51; "message"; "hello {who}"; "who"; "world"; "componentSignature"; "mine"))
Catch
	$e:=Last errors[0]
	ALERT(String($e.errCode)+" "+$e.message+" "+$e.componentSignature+" "+$e.who)
End try
Try
	throw(52)
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
// Outside Try, a thrown error goes to the ON ERR CALL handler and the method goes on.
ON ERR CALL("handler")
throw(53; "to the handler")
ALERT("after the throw")
ON ERR CALL("")
