// §7.10, §6.2 (CollectionClass.md .copy(): regular unless ck shared): .copy() of a shared collection is a regular deep copy
var $s; $p : Collection
$s:=New shared collection("x")
$s.push(New shared object("k"; 1))
$p:=$s.copy()
ALERT(String(OB Is shared($p))+" "+String(OB Is shared($p[1])))
$p[0]:="y"
$p[1].k:=2
ALERT(JSON Stringify($p))
ALERT(JSON Stringify($s))
