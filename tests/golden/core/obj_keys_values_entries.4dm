// §6.1 (ob-keys.md, ob-values.md, ob-entries.md): first-level names / values / {key;value}, in definition order
var $o : Object
$o:={b: 1; a: "x"}
$o.c:=True
ALERT(JSON Stringify(OB Keys($o)))
ALERT(JSON Stringify(OB Values($o)))
ALERT(JSON Stringify(OB Entries($o)))
