// A constant the docs list but neither the docs nor 4D's constant list give a value for (a
// former name) is an error naming it, raised when the line runs; the checker accepts it.
ALERT("before")
var $kind : Integer
$kind:=Indicator Progress bar
ALERT("not reached")
