// §7.5 (shared.md "Read"): reading properties, elements, length, keys, searching and iterating never need Use
var $o : Object
var $c : Collection
var $k; $names : Text
var $item : Variant
var $sum : Real
$o:=New shared object("a"; 1; "b"; 2)
$c:=New shared collection(4; 5; 6)
For each ($k; $o)
	$names:=$names+$k
End for each
For each ($item; $c)
	$sum:=$sum+$item
End for each
ALERT($names)
ALERT(String($sum))
ALERT(String($c.length)+" "+String($c[2]))
ALERT(String(OB Keys($o).length))
ALERT(String($c.indexOf(5)))
ALERT(String($o.a+$o.b))
