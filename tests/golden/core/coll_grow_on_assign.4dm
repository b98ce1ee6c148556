// §2.6, §15 #22 (CollectionClass.md New collection): assigning past the end grows the collection, filling with null
var $c : Collection
$c:=New collection("a"; "b"; "c")
$c[9]:="z"
ALERT(String($c.length))
ALERT(JSON Stringify($c))
ALERT(String($c[5]=Null))
