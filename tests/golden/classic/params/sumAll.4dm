var $0 : Real
var $1 : Text
var $i : Integer
For ($i; 2; Count parameters)
	$0:=$0+${$i}
End for
