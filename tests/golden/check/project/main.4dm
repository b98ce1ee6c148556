// Mistakes the 4D compiler rejects (errors) or warns about (warnings).
var $n : Integer
var $t : Text
var $unused : Real
sayHy
sayHi
$n:=addLength(1; "two"; 3)
$t:=notify("x")
$n:="not a number"
var $n : Text
$o:=cs.Greeter.new("Ann"; "extra")
$p:=cs.Greter.new("Bob")
Super.greet()
$t:=$o.greet("Bob")
return
ALERT("never")
