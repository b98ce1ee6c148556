// §1.6 (variables.md): a declared variable cannot change type; assigning a Text to an Integer is a runtime error
var $n : Integer
$n:=5
ALERT("before")
$n:="abc"
ALERT("not reached")
