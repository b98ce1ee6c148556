// develop-components.md: process and interprocess variables are not shared between a component
// and its host (pointers are the way across); an ON ERR CALL handler is called only for errors
// of its own project's code; the host's `ek errors from components` handler gets a component's
// errors that the component did not handle (error-handling.md)
Use (Storage)
	Storage.log:=New shared collection
End use
gLabel:="host value"
<>gCount:=1
ALERT(Iso_SetVars)
ALERT("host keeps gLabel=["+gLabel+"] <>gCount=["+String(<>gCount)+"]")
ALERT(Iso_GetVars)
Iso_SetThrough(->gLabel)
ALERT("host gLabel=["+gLabel+"]")
// the host's local handler is not called for the component's error
ON ERR CALL("hostHandler")
ALERT(Iso_FailHandled)
ALERT("log: "+Storage.log.join(" | "))
ALERT("host handler still: "+Method called on error)
// with a handler for components' errors in the host
ON ERR CALL("fromComponents"; ek errors from components)
ALERT(Iso_Fail)
ALERT("log: "+Storage.log.join(" | "))
// the host's own errors still go to its own handler
var $o : Object
$o:=New object
$o.missingInHost()
ALERT("log: "+Storage.log.join(" | "))
// without the components handler, the component's error is not the host's handler's
ON ERR CALL(""; ek errors from components)
ALERT(Iso_Fail)
ALERT("not reached")
