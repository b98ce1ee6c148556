// §2.5 (string.md, num.md, dt_null_undefined.md): String/Num/Bool/Date of undefined give empty values; String(Null) is "null"
var $o : Object
$o:=New object
ALERT("["+String($o.u)+"]")
ALERT(String(Num($o.u)))
ALERT(String(Bool($o.u)))
ALERT(String(Date($o.u)=!00-00-00!))
ALERT(String(Null))
