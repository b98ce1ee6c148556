// New object with literal property names (specialised by mini4d's resolver; pins the behaviour
// of the general command, not a doc statement) keeps the command's semantics: undefined values are stored, a repeated name keeps its first position and takes the
// last value, numbers and times are stored as Reals, and non-literal names still work
var $o; $u : Object
var $k : Text
var $t : Time
$t:=?01:00:02?
$o:=New object("a";1;"b";$u.missing;"a";"x";"t";$t;"c";Null)
ALERT(String(OB Keys($o).length))
ALERT(OB Keys($o).join(","))
ALERT(String(Value type($o.b))+" "+String(Value type($o.a))+" "+String(Value type($o.t))+" "+String($o.t))
ALERT(JSON Stringify($o))
ALERT(String(OB Is defined($o;"b")))
$k:="dyn"
$o:=New object($k;2;"n";3)
ALERT(JSON Stringify($o))
$o:=New object
ALERT(JSON Stringify($o))
Try
	$o:=New object("a";1;"b")
Catch
	ALERT("an odd number of arguments is an error")
End try
