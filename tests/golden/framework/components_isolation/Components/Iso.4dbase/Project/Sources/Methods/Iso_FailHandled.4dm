//%attributes = {"shared":true}
#DECLARE()->$after : Text
// The component's own handler: called for its errors instead of the host's
ON ERR CALL("Iso_Handler")
var $o : Object
$o:=New object
$o.missing()
ON ERR CALL("")
$after:="component handler ran: "+Storage.log.join(", ")+"; Method called on error here: ["+Method called on error+"]"
