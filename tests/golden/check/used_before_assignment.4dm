// Locals read before any value is given to them (warnings). Declared locals start with their
// type's empty value, and a command's output argument gives a value.
var $declared : Integer
var $i : Integer
$declared:=$declared+1
$count:=$count+1
For ($i; 1; 3)
	$total:=$total+$i
End for
If (Match regex("a+"; "baa"; 1; $pos; $len))
	$declared:=$pos+$len
End if
ALERT(String($count+$total+$declared))
