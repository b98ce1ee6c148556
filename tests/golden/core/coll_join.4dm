// §6.2, §15 #25 (CollectionClass.md): join prints null as "null"; ck ignore null or empty drops null and ""
var $c : Collection
$c:=New collection(1; 2; 3; "Paris"; Null; ""; 4; 5)
ALERT($c.join("|"))
ALERT($c.join("|"; ck ignore null or empty))
ALERT([1; "a"; 2.5].join(", "))
ALERT([].join(","))
