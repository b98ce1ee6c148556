// §7.4, §7.9 (shared.md: OB SET is not in the list of commands with an automatic Use; mini4d code -10722): OB SET on a shared object needs Use
var $o : Object
$o:=New shared object("k"; "old")
Try
	OB SET($o; "k"; "new")
Catch
	ALERT("OB SET outside Use: "+String(Last errors[0].errCode))
End try
ALERT($o.k)
Use ($o)
	OB SET($o; "k"; "new")
End use
ALERT($o.k)
