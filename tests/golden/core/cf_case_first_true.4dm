// §4 (cf_branching.md): Case of runs only the first true branch
var $x : Integer
$x:=7
Case of
	: ($x>100)
		ALERT("over 100")
	: ($x>5)
		ALERT("over 5")
	: ($x>0)
		ALERT("over 0")
	Else
		ALERT("else")
End case
ALERT("after")
