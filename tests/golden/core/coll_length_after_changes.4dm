// §6.2 (CollectionClass.md .length): length follows pushes, index assignment and removals
var $c : Collection
$c:=New collection("p"; "q"; "r")
$c[5]:="s"
ALERT(String($c.length))
ALERT(String($c.remove(0; 4).length))
