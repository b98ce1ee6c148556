// Every command below runs under mini4d except SET MENU BAR (a user-interface command):
// `check --list-unimplemented` must list that one alone.
var $o : Object
var $f : 4D.Function
ALERT("hello")
ASSERT(True)
TRACE
$o:=Storage
$o:=cs
$o:=4D
$f:=Formula(1+2)
$o:=New object("a"; Null)
LOG EVENT(Into system standard outputs; Current method name)
ON ERR CALL("")
$o:=Application info
$o:=OB Class($o)
If (Count parameters=0) & (Type($o)=Is object)
	throw(1; "x")
End if
$o:=Session
$o:=Last errors
SET MENU BAR(1)
