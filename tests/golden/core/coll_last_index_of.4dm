// §6.2 (CollectionClass.md): lastIndexOf searches backwards, optionally from a start index
var $c : Collection
$c:=Split string("a,b,c,b,a"; ",")
ALERT(String($c.lastIndexOf("b")))
ALERT(String($c.lastIndexOf("b"; 2)))
ALERT(String($c.lastIndexOf("a"; -2)))
ALERT(String($c.lastIndexOf("z")))
