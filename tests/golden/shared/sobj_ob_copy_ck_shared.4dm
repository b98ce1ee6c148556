// §7.1, §6.1 (ob-copy.md): OB Copy(o; ck shared) gives a shared deep copy of a regular object; its nested objects and collections are shared too
var $p; $s : Object
$p:={title: "plain"; inner: {n: 1}; list: [1; 2]}
$s:=OB Copy($p; ck shared)
ALERT(String(OB Is shared($p)))
ALERT(String(OB Is shared($s)))
ALERT(String(OB Is shared($s.inner)))
ALERT(String(OB Is shared($s.list)))
ALERT(String(OB Is shared($p.inner)))
ALERT(JSON Stringify($s))
ALERT(String($s=$p))
