// §1.6 (variables.md): one var line can declare several names with one type
var $a; $b; $c : Integer
var $x; $y : Text
$a:=1
$b:=2
$c:=$a+$b
$x:="p"
$y:=$x+"q"
ALERT(String($c))
ALERT($y)
ALERT(String(Type($b))+" "+String(Type($y)))
