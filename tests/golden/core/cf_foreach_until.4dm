// §4, §15 #34 (cf_looping.md Until and While): Until is tested after each iteration
var $c : Collection
var $n; $total : Real
$c:=New collection(1; 2; 3; 4; 5; 6; 7; 8; 9; 10)
$total:=1000
For each ($n; $c) Until ($total>30)
	$total:=$total+$n
End for each
ALERT(String($total))
$total:=0
For each ($n; $c) Until ($total>10)
	$total:=$total+$n
End for each
ALERT(String($total))
