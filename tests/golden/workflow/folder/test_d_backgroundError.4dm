// An error left uncaught in a process the test started fails the test.
var $p : Integer
$p:=New process("failingProcess"; 0)
