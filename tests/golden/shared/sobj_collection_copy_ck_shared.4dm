// §7.1, §6.2 (CollectionClass.md .copy()): .copy(ck shared) gives a shared deep copy of a regular collection
var $c; $s : Collection
$c:=[1; {k: "v"}; ["x"]]
$s:=$c.copy(ck shared)
ALERT(String(OB Is shared($c)))
ALERT(String(OB Is shared($s)))
ALERT(String(OB Is shared($s[1])))
ALERT(String(OB Is shared($s[2])))
ALERT(JSON Stringify($s))
ALERT(String($s=$c))
