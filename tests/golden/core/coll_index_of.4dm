// §6.2, §15 #29 (CollectionClass.md): indexOf uses = rules (so "al@" matches "Albert"); optional start; -1 if absent
var $c : Collection
$c:=New collection(1; 2; "Henry"; 5; 3; "Albert"; 6; 4; "Alan"; 5)
ALERT(String($c.indexOf("al@")))
$c:=["pear"; "Apple"; 7; "apricot"; 7]
ALERT(String($c.indexOf("ap@")))
ALERT(String($c.indexOf(7)))
ALERT(String($c.indexOf(7; 3)))
ALERT(String($c.indexOf("APPLE")))
ALERT(String($c.indexOf("x")))
ALERT(String($c.indexOf(7; -1)))
