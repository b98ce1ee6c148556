// §2.2, §15 #33 (value-type.md, new-object.md): numbers stored in objects and collections are Real
var $o : Object
var $c : Collection
var $i : Integer
$i:=42
$o:=New object("value"; 42; "n"; $i)
$c:=[7; $i]
ALERT(String(Value type($o.value)))
ALERT(String(Value type($o.n)))
ALERT(String(Value type($c[0])))
ALERT(String(Value type($c[1])))
