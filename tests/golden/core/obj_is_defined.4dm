// §6.1 (ob-is-defined.md): without key, True for an initialized object (even {}); with key, True if the property exists
var $u; $o : Object
$o:=New object("k"; Null)
ALERT(String(OB Is defined($u)))
ALERT(String(OB Is defined({})))
ALERT(String(OB Is defined($o; "k")))
ALERT(String(OB Is defined($o; "z")))
