// §7.2 (new-shared-object.md): a shared object accepts numbers (Real), text, boolean, date, time (stored as milliseconds) and null
var $o : Object
$o:=New shared object
Use ($o)
	$o.num:=3
	$o.txt:="hello"
	$o.flag:=False
	$o.day:=!2024-02-29!
	$o.dur:=?00:00:02?
	$o.nothing:=Null
End use
ALERT(String(Value type($o.num)))
ALERT(String(Value type($o.txt)))
ALERT(String(Value type($o.flag)))
ALERT(String(Value type($o.day)))
ALERT(String(Value type($o.dur)))
ALERT(String(Value type($o.nothing)))
ALERT(String($o.dur))
ALERT(JSON Stringify($o))
