// §6.1 (ob-is-empty.md): True if undefined or without properties
var $u; $o : Object
$o:=New object
ALERT(String(OB Is empty($u)))
ALERT(String(OB Is empty($o)))
$o.x:=1
ALERT(String(OB Is empty($o)))
