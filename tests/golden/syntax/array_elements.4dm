// 4D array elements parse (arrays themselves are outside the subset and fail when run)
ARRAY TEXT($names; 2)
$names{1}:="first"
$names{2}:=$names{1}+"!"
var $i : Integer
For ($i; 1; Size of array($names))
	ALERT($names{$i})
End for
ARRAY LONGINT($grid; 2; 2)
$grid{1}{2}:=12
$n:=<>counts{3}+arr{$i+1}
