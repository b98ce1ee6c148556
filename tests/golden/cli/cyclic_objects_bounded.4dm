// An object that refers to itself is never freed before the end of the run (see README,
// "Differences from 4D"): a loop that builds such cycles must end on the memory limit with
// a 4D error, not on an out-of-memory abort.
var $o : Object
var $n : Integer
While (True)
	$o:=New object("n"; $n)
	$o.self:=$o
	$o.items:=New collection
	$o.items.resize(1000; 0)
	$n:=$n+1
End while
