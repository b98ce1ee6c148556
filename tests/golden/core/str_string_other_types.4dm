// §12 (string.md): String of booleans, texts, null, undefined, times and ISO dates
var $o : Object
$o:=New object
ALERT(String(True))
ALERT(String(False))
ALERT(String("abc"))
ALERT(String(Null))
ALERT("["+String($o.undef)+"]")
ALERT(String(?01:02:03?))
ALERT(String(!2017-01-29!; ISO date))
