// `return expr` sets a named result (`->$r`), like `$r:=expr` then `return`.
ALERT(String(sign(2))+" "+String(sign(-1))+" "+String(sign(0)))
var $c : cs.Calc
$c:=cs.Calc.new()
ALERT(String($c.twice(21))+" "+JSON Stringify($c.list()))
