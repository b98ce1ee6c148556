// §3.2 (operators.md): Time += Time stays a Time
var $h : Time
$h:=?01:00:00?
$h+=?00:30:15?
ALERT(String($h))
$h-=?00:00:15?
ALERT(String($h))
