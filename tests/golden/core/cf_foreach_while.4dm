// §4, §15 #34 (cf_looping.md Until and While): While is tested before each iteration
var $c : Collection
var $n; $total : Real
$c:=New collection(1; 2; 3; 4; 5; 6; 7; 8; 9; 10)
$total:=0
For each ($n; $c) While ($total<30)
	$total:=$total+$n
End for each
ALERT(String($total))
$total:=100
For each ($n; $c) While ($total<30)
	$total:=$total+$n
End for each
ALERT(String($total))
