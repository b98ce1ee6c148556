// Arguments of a known type (literals, typed locals) against the declared parameter types.
// Fewer arguments than parameters is fine: 4D gives the missing ones their empty value.
var $n : Integer
var $t : Text
var $p : Object
$n:=double(21)
$n:=double("21")
$t:="x"
$n:=double($t)
$n:=double()
$p:=cs.Point.new(1; "2")
$p:=cs.Point.new(1.5)
