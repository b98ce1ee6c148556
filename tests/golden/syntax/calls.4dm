// Commands and methods, with and without parentheses
ALERT("x")
$p:=Current process
$p:=Current process()
$s:=JSON Stringify($o; *)
$n:=Length("abc")
$u:=Uppercase("hélène"; *)
$pos:=Position("DAY"; "Today is the first day"; 1; *)
LOG EVENT(Into system standard outputs; "hello\n"; Information message)
DO_SOMETHING
DO_SOMETHING(1; "two"; $three)
$r:=compute(1)+compute(2)
TRACE
