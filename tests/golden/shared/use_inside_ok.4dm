// §7.4 (shared.md "Modification"): inside Use every kind of change works: set, add, bracket key, set to null, OB REMOVE
var $o : Object
$o:=New shared object("a"; 1; "b"; 2; "c"; 3)
Use ($o)
	$o.a:="changed"
	$o.d:=4
	$o["e f"]:=True
	$o.b:=Null
	OB REMOVE($o; "c")
End use
ALERT(JSON Stringify($o))
