// §7.9, §6.1 (shared.md "Automatic Use...End use calls", ob-remove.md): OB REMOVE uses the shared object internally, so it works outside Use
var $o : Object
$o:=New shared object("a"; 1; "b"; 2)
OB REMOVE($o; "a")
ALERT(JSON Stringify($o))
OB REMOVE($o; "missing")
ALERT(JSON Stringify($o))
