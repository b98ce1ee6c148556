// §2.5, §15 #30 (dt_null_undefined.md): undefined assigned to an existing property resets it by its type
var $o : Object
$o:=New object("a"; 2)
$o.a:=$o.b
ALERT(String($o.a))
$o.t:="x"
$o.t:=$o.nope
ALERT("["+$o.t+"]")
$o.f:=True
$o.f:=$o.nope
ALERT(String($o.f))
$o.sub:={k: 1}
$o.sub:=$o.nope
ALERT(String($o.sub=Null))
