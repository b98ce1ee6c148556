// A headless run has fixed regional formats and identity (see README, Differences).
var $value : Text
GET SYSTEM FORMAT(Decimal separator; $value)
ALERT("decimal ["+$value+"]")
GET SYSTEM FORMAT(Thousand separator; $value)
ALERT("thousand ["+$value+"]")
GET SYSTEM FORMAT(Date separator; $value)
ALERT("date ["+$value+"]")
GET SYSTEM FORMAT(Time separator; $value)
ALERT("time ["+$value+"]")
GET SYSTEM FORMAT(Currency symbol; $value)
ALERT("currency ["+$value+"]")
GET SYSTEM FORMAT(Short date day position; $value)
ALERT("day position ["+$value+"]")
GET SYSTEM FORMAT(System time AM label; $value)
ALERT("AM ["+$value+"]")
ALERT("machine ["+Current machine+"] system user ["+Current system user+"]")
ALERT("user ["+Current user+"] account ["+Current user(4D user account)+"] alias ["+Current user(4D user alias)+"]")
// Num(text; base), 4D 21: parseInt's rules, 0 where it finds no digit.
ALERT(String(Num("ff"; 16))+" "+String(Num("0xFF"; 16))+" "+String(Num("0x1A"; 0))+" "+String(Num("2"; 2))+" "+String(Num("10.3"; 16))+" "+String(Num("-101"; 2)))
ALERT(String(Num("123.20"; 10))+" "+String(Num("123.20"))+" "+String(Num("z"; 36)))
var $o : Object
ALERT(String(Num($o.missing; 1)))
