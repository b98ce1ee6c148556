// Character code($t[[$i]]) and the one-argument math commands are read by dedicated nodes:
// same answers as the general command path, at every edge.
var $t; $e : Text
var $i; $n : Integer
var $r : Real
$t:="aé😀z"
$e:=""
For ($i; -1; 6)
	LOG EVENT(Into system standard outputs; String($i)+": "+String(Character code($t[[$i]]))+"\n")
End for 
$r:=1.7
LOG EVENT(Into system standard outputs; "real index: "+String(Character code($t[[$r]]))+"\n")
LOG EVENT(Into system standard outputs; "empty: "+String(Character code($e[[1]]))+"\n")
LOG EVENT(Into system standard outputs; "literal: "+String(Character code("xyz"[[2]]))+"\n")
LOG EVENT(Into system standard outputs; "expression: "+String(Character code(($t+"!")[[5]]))+"\n")
LOG EVENT(Into system standard outputs; "compare: "+String(Character code($t[[2]])=Character code("é"))+"\n")
// Math commands: numbers (Integer and Real), then a value that is not a number.
$n:=-3
LOG EVENT(Into system standard outputs; String(Abs($n))+" "+String(Abs(-2.5))+" "+String(Int(-123.4))+" "+String(Dec(1.25))+" "+String(Square root(16))+"\n")
LOG EVENT(Into system standard outputs; String(Abs(Abs(-1)-3))+" "+String(Exp(0))+" "+String(Log(1))+" "+String(Sin(0))+" "+String(Cos(0))+" "+String(Tan(0))+" "+String(Arctan(0))+"\n")
$r:=Abs("x")
LOG EVENT(Into system standard outputs; "not reached\n")
