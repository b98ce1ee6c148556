#DECLARE($first : Integer) -> $result : Integer
var $i : Integer
$result:=$first
For ($i; 2; Count parameters)
	$result:=$result+${$i}
End for
