// §4 (cf_looping.md begin / end): begin included, end excluded, negatives add the size
var $c : Collection
var $t; $s : Text
$c:=New collection("p"; "q"; "r"; "s"; "t")
$s:=""
For each ($t; $c; 0; 3)
	$s:=$s+$t
End for each
ALERT($s)
$s:=""
For each ($t; $c; -2; -1)
	$s:=$s+$t
End for each
ALERT($s)
$s:=""
For each ($t; $c; 2)
	$s:=$s+$t
End for each
ALERT($s)
$s:=""
For each ($t; $c; 3; 100)
	$s:=$s+$t
End for each
ALERT($s)
$s:=""
For each ($t; $c; -10)
	$s:=$s+$t
End for each
ALERT($s)
