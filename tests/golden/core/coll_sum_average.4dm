// §6.2, §15 #24 (CollectionClass.md): sum/average count numbers only; sum of none is 0, average of none undefined
var $c : Collection
$c:=New collection(10; 20; "Monday"; True; 6)
ALERT(String($c.average()))
$c:=New collection(10; 20; "Monday"; True; 2)
ALERT(String($c.sum()))
ALERT(String([].sum()))
ALERT(String(Value type([].average())))
ALERT(String(Value type(["a"].average())))
ALERT(String([{s: 10}; {s: 20}; {t: 5}].average("s")))
ALERT(String([{p: 10}; {p: 5.5}].sum("p")))
