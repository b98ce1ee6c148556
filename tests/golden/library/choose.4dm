// Choose: a Boolean picks the first (True) or second (False) value; a number picks by 0-based
// position; a position without a value gives the empty value of the values' type.
ALERT(Choose(True; "Mr"; "Ms")+" "+Choose(False; "Mr"; "Ms"))
ALERT(Choose(2; "Single"; "Married"; "Widowed"; "Divorced"))
ALERT(Choose(0; "first"))
ALERT("["+Choose(7; "a"; "b")+"]")
ALERT(String(Choose(5; 10; 20)))
ALERT(String(Choose(-1; True; True)))
ALERT(String(Choose(1.9; "zero"; "one"; "two")))
// Every value is evaluated, whichever is chosen.
var $n : Integer
$n:=0
$r:=Choose(True; "x"; String(Num("1")+$n))
ALERT($r)
