// §12 (dt_null_undefined.md examples): Undefined is True for a missing property, False for a null or set one
var $p : Object
$p:=New object("title"; "Dr"; "pet"; Null)
ALERT(String(Undefined($p.title)))
ALERT(String(Undefined($p.pet)))
ALERT(String(Undefined($p.car)))
ALERT(String($p.pet=Null))
ALERT(String($p.car=Null))
