// Constants the project defines in Resources/*.xlf and Resources/en.lproj/*.xlf: names may have
// spaces; `:L`, `:R`, `:S` type the value; without a suffix a number is a number
ALERT(String(Days per week)+" "+String(Value type(Days per week)=Is longint))
ALERT(String(Shop VAT rate)+" "+String(Value type(Shop VAT rate)=Is real))
ALERT(Shop name+" "+String(Value type(Shop name)=Is text))
ALERT(Shop code+Shop code)
ALERT(String(Shop opening hour+1)+" "+String(Value type(Shop opening hour)=Is longint))
ALERT(String(Shop discount*2)+" "+String(Value type(Shop discount)=Is real))
ALERT(Shop URL)
// case-insensitive, as built-in constants
ALERT(String(DAYS PER WEEK*2))
// en.lproj is read (English first), fr.lproj is not
ALERT(Size small)
// a built-in constant still wins
ALERT(String(Is longint))
// the component uses its own constants and does not see the host's
ALERT(String(Units_Grams(2.5)))
ALERT(Units_SeesHost)
ALERT(String(Weekdays))
// in a formula
var $f : 4D.Function
$f:=Formula(Days per week)
ALERT(String($f.call()))
