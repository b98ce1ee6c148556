// 4D accepts more arguments than a method or function declares: the called code reads the
// extra ones with ${N} and Count parameters. None of these calls is an error.
var $sum : Integer
$sum:=total(1; 2; 3; 4)
var $c : cs.Counter
$c:=cs.Counter.new(10; "extra")
$c.add(1; 2; 3)
$c.bump("unused")
logAll("a"; "b"; "c")
