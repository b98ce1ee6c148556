// CLEAR VARIABLE: the type's empty value; an array loses its elements
var $t : Text:="abc"
var $n : Integer:=5
vAny:="x"
ARRAY LONGINT($a; 3)
$a{0}:=9
CLEAR VARIABLE($t)
CLEAR VARIABLE($n)
CLEAR VARIABLE(vAny)
CLEAR VARIABLE($a)
ALERT("["+$t+"] "+String($n)+" "+String(Type($a))+" "+String(Size of array($a))+" "+String($a{0}))
ALERT(String(Undefined(vAny)))
var $p : Pointer:=->$n
$n:=3
CLEAR VARIABLE($p->)
ALERT(String($n))
