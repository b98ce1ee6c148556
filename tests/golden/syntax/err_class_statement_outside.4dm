$x:=1
Class constructor
	This.a:=1
property b : Text
	$orphan:=2
Function f
	$ok:=3
