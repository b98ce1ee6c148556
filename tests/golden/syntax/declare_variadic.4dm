#DECLARE($format : Text; ... : Real) -> $total : Real
For ($i; 2; Count parameters)
	$total:=$total+${$i}
End for
