// §12 (FunctionClass.md): a Formula stored in a property is called with (); This is the object
var $o : Object
$o:=New object("v"; 5)
$o.double:=Formula($1*2)
$o.get:=Formula(This.v*10)
ALERT(String($o.double(21)))
ALERT(String($o.get()))
$o.v:=7
ALERT(String($o["get"]()))
