// §1.3, §2.1 (dt_date.md, day-number.md): !00-00-00! is the null date (Day number of it is 2)
var $d : Date
ALERT(String($d=!00-00-00!))
ALERT(String(Day number(!00-00-00!)))
$d:=!2020-05-06!
ALERT(String($d=!00-00-00!))
