// §4 (cf_branching.md): Else runs when no branch is true; without Else nothing runs; empty branches allowed
var $x : Integer
$x:=-3
Case of
	: ($x>0)
		ALERT("positive")
	Else
		ALERT("not positive")
End case
Case of
	: ($x=1)
		ALERT("one")
	: ($x=2)
		ALERT("two")
End case
Case of
	: ($x<0)
	: ($x<10)
		ALERT("not reached")
End case
ALERT("end")
