// "literal"+String(x) (specialised by mini4d's resolver) keeps the general semantics: integers,
// reals, texts, dates, booleans and errors from String go through as before
var $i : Integer
var $r : Real
var $t : Text
var $o : Object
$i:=-42
ALERT("n="+String($i))
ALERT("n="+String(0))
ALERT(""+String(2147483647))
$r:=1/3
ALERT("r="+String($r))
ALERT("r="+String(1.5))
$t:="abc"
ALERT("t="+String($t))
ALERT("b="+String(True))
ALERT("d="+String(!2024-02-29!))
ALERT("h="+String(?01:02:03?))
ALERT("a"+String($i)+"b"+String($i))
$t:="x"
$t:=$t+"y"+String($i)
ALERT($t)
$t:="p"+String($i)
$t:=$t+String(7)
ALERT($t)
$o:=New object("k";"item"+String(5))
ALERT($o.k)
Try
	ALERT("u="+String($o.missing))
Catch
	ALERT("String of undefined is an error")
End try
