// §1.2 (quick-tour.md Comments): // to end of line, /* */ inline and nestable, anywhere
var $x : Integer  // trailing comment
/* a block comment
spanning lines */
$x:=/* inline */ 5
/* outer /* nested */ still comment */
For /* between */ ($x; 1; 1)
	ALERT("x="+String($x))
End for
ALERT("done")  // ALERT("hidden")
