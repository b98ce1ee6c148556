// §3.1: unary minus on a variable, a literal and a parenthesised expression (prefix, binds tighter than binary ops)
var $x : Real
$x:=5
ALERT(String(-$x))
ALERT(String(-3+10))
ALERT(String(-(2+3)))
ALERT(String(10-(-4)))
ALERT(String(-$x*2))
