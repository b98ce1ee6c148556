// §2.5, §6.1 (dt_object.md): OB SET on an unassigned Object variable creates the object
var $o : Object
OB SET($o; "k"; 5)
ALERT(String($o.k))
ALERT(String($o=Null))
