// §3.2 (operators.md Compound assignment): += -= *= /= on numbers
var $x : Real
$x:=3
$x+=4
ALERT(String($x))
$x-=2
ALERT(String($x))
$x*=4
ALERT(String($x))
$x/=8
ALERT(String($x))
