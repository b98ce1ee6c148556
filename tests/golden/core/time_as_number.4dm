// §2.4 (dt_time.md): a time used as a number is its count of seconds
var $h : Time
$h:=?01:01:01?
ALERT(String($h+0))
ALERT(String($h*1))
ALERT(String(?00:00:00?+0))
ALERT(String($h))
