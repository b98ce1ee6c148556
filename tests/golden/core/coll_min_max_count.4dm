// §6.2 (CollectionClass.md): min/max by sort order (first/last type group); count of non-null elements
var $c : Collection
$c:=[200; 150; 55]
ALERT(String($c.min())+" "+String($c.max()))
ALERT(["b"; "a"; "c"].max())
ALERT(String(Value type([].max())))
$c:=New collection(5; "z"; 1)
ALERT(String($c.max())+" "+String($c.min()))
ALERT(String([20; 30; Null; 40].count()))
ALERT(String([{name: "a"}; {x: 1}; {name: "b"}].count("name")))
ALERT(String([{v: 3}; {v: 9}].max("v")))
