// §6.1, §12 (ob-get.md, ob-set.md): OB SET with several pairs, OB Get reads a property
var $o : Object
$o:=New object
OB SET($o; "x"; 1; "y"; "two")
ALERT(String(OB Get($o; "x")))
ALERT(OB Get($o; "y"))
ALERT(JSON Stringify($o))
