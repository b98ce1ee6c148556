// §6.1 (ob-is-shared.md: True if shared, False otherwise): null object/collection variables, Null and scalars are not shared
var $o : Object
var $c : Collection
ALERT(String(OB Is shared($o)))
ALERT(String(OB Is shared($c)))
ALERT(String(OB Is shared(Null)))
ALERT(String(OB Is shared(42)))
ALERT(String(OB Is shared("text")))
ALERT(String(OB Is shared(True)))
