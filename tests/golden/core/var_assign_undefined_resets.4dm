// §2.5, §15 #31 (dt_null_undefined.md): assigning undefined to a variable resets it to its type default
var $o : Object
var $v : Integer
var $t : Text
var $b : Boolean
$v:=10
$v:=$o.a
ALERT(String($v))
$t:="abc"
$t:=$o.a
ALERT("["+$t+"]")
$b:=True
$b:=$o.a
ALERT(String($b))
