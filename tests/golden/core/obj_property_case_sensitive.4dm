// §1.4 (identifiers.md, dt_object.md): property names are case-sensitive
var $o : Object
$o:=New object
$o.name:="lower"
$o.Name:="upper"
ALERT($o.name)
ALERT($o.Name)
ALERT(String(OB Keys($o).length))
