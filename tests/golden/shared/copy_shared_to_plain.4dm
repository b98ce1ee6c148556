// §7.10, §6.1 (shared.md "Duplication", ob-copy.md): OB Copy of a shared object without ck shared is a regular deep copy, shared children included; changing it leaves the original alone
var $s; $p : Object
$s:=New shared object("a"; 1)
Use ($s)
	$s.inner:=New shared object("b"; 2)
	$s.list:=New shared collection(1; 2)
End use
$p:=OB Copy($s)
ALERT(String(OB Is shared($p))+" "+String(OB Is shared($p.inner))+" "+String(OB Is shared($p.list)))
$p.a:=10
$p.inner.b:=20
$p.list.push(3)
ALERT(JSON Stringify($p))
ALERT(JSON Stringify($s))
