// §3.2 (operators.md Truthy and falsy): falsy values for ?: (0 and "0" are truthy)
var $o; $e : Object
var $c : Collection
var $r : Text
$e:=New object
$r:=(False) ? "truthy" : "falsy"
ALERT("False "+$r)
$r:=(Null) ? "truthy" : "falsy"
ALERT("Null "+$r)
$r:=($o) ? "truthy" : "falsy"
ALERT("null object "+$r)
$r:=($c) ? "truthy" : "falsy"
ALERT("null collection "+$r)
$r:=($e.nothing) ? "truthy" : "falsy"
ALERT("undefined "+$r)
$r:=(!00-00-00!) ? "truthy" : "falsy"
ALERT("null date "+$r)
$r:=("") ? "truthy" : "falsy"
ALERT("empty text "+$r)
$r:=([]) ? "truthy" : "falsy"
ALERT("empty collection "+$r)
$r:=({}) ? "truthy" : "falsy"
ALERT("empty object "+$r)
$r:=(0) ? "truthy" : "falsy"
ALERT("zero "+$r)
$r:=("0") ? "truthy" : "falsy"
ALERT("text 0 "+$r)
$r:=([0]) ? "truthy" : "falsy"
ALERT("collection [0] "+$r)
$r:=({a: 1}) ? "truthy" : "falsy"
ALERT("object "+$r)
$r:=(!2020-01-01!) ? "truthy" : "falsy"
ALERT("date "+$r)
