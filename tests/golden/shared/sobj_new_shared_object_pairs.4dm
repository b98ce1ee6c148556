// §7.1-2 (new-shared-object.md): New shared object with property/value pairs; properties are read without Use; numbers are stored as Real
var $o : Object
$o:=New shared object("name"; "Smith"; "age"; 42; "member"; True)
ALERT($o.name)
ALERT(String($o.age))
ALERT(String($o.member))
ALERT(String(Value type($o.age)=Is real))
ALERT(String(OB Is shared($o)))
ALERT(JSON Stringify($o))
ALERT(String(OB Keys($o).length))
