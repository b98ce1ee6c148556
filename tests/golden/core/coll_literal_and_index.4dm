// §1.3, §2.6 (dt_collection.md): collection literals, 0-based indexes, nested collections
var $c : Collection
$c:=[1; 2; [3; 4]; "five"]
ALERT(String($c.length))
ALERT(String($c[0]))
ALERT(String($c[2][1]))
ALERT($c[3])
ALERT(JSON Stringify($c))
