// Number literals: integer, decimal, hex, exponent, negative
var $n : Real
$n:=27
$n:=123.76
$n:=0.0076
$n:=.5
$n:=0xFFFF
$n:=0x1f
$n:=1e3
$n:=1.5E-2
$n:=-12
$n:=3*-2
