// §2.6 (dt_object.md / dt_collection.md, 20 R6+): = and # on objects and collections compare references
var $a; $b; $c : Object
var $x; $y; $z : Collection
$a:={v: 1}
$b:={v: 1}
$c:=$a
ALERT(String($a=$b))
ALERT(String($a=$c))
ALERT(String($a#$b))
$x:=[1; 2]
$y:=[1; 2]
$z:=$x
ALERT(String($x=$y))
ALERT(String($x=$z))
