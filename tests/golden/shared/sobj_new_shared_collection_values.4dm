// §7.1-2 (new-shared-collection.md): a prefilled shared collection keeps order and value types; elements are read without Use
var $c : Collection
$c:=New shared collection(10; "two"; False; !2021-03-04!; Null)
ALERT(String($c.length))
ALERT(String($c[0]+$c[0]))
ALERT($c[1])
ALERT(String($c[2]))
ALERT(String(Value type($c[3])))
ALERT(String(Value type($c[4])))
ALERT(JSON Stringify($c))
ALERT(String(OB Is shared($c)))
