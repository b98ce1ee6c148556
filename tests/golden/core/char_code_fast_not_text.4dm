// `[[…]]` on a value that is not a text fails the same way inside Character code.
var $n : Integer
$n:=12
LOG EVENT(Into system standard outputs; "before\n")
LOG EVENT(Into system standard outputs; String(Character code($n[[1]]))+"\n")
LOG EVENT(Into system standard outputs; "not reached\n")
