// A component in Components/ with the namespace Tools: its classes are cs.Tools.X and its
// shared methods are called by name; check knows both.
var $g : Object
var $t : Text
$g:=cs.Tools.Greeter.new("Ann")
$t:=Tools_Hello("Bob")
$g:=cs.Tools.Greter.new("Ann")
$g:=cs.Tols.Greeter.new("Ann")
$g:=cs.Tools.Greeter.new(42)
$t:=Tools_Helo("Bob")
$t:=Tools_Private
ALERT($g.greet()+$t)
