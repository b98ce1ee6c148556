// §1.6 (variables.md, quick-tour.md): a variable created by plain assignment is typeless (interpreted) and may change type
$x:=5
ALERT(String(Value type($x)))
$x:="five"
ALERT(String(Value type($x))+" "+$x)
$x:=True
ALERT(String(Value type($x)))
