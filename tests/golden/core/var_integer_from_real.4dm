// §2.2 (dt_number.md): assigning a Real to an Integer variable converts it (3.2 -> 3; the variable stays Integer)
var $i : Integer
$i:=3.2
ALERT(String($i))
$i:=10/5
ALERT(String($i))
$i:=-4
ALERT(String($i))
ALERT(String(Type($i)))
