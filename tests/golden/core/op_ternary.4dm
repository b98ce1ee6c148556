// §3.2 (operators.md Ternary operator): cond ? a : b, nested in parentheses
var $age : Integer
var $n : Real
$age:=30
ALERT(($age>=21) ? "adult" : "minor")
$age:=12
ALERT(($age>=21) ? "adult" : "minor")
$n:=0
ALERT(($n>0) ? "pos" : (($n<0) ? "neg" : "zero"))
ALERT(String((1=1) ? 10 : 20))
