// §4 (cf_looping.md For each): iterate the elements of a collection in order
var $c : Collection
var $v : Variant
var $sum : Real
var $s : Text
$c:=New collection(4; 15; 23; 8)
For each ($v; $c)
	$sum:=$sum+$v
	$s:=$s+String($v)+","
End for each
ALERT($s)
ALERT("sum="+String($sum))
