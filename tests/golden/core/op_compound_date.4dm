// §3.2, §15 #12 (operators.md): Date -= Number and Date += Number
var $d : Date
$d:=!2000-11-10!
$d-=10
ALERT(String($d;ISO date))
$d+=31
ALERT(String($d;ISO date))
