// Parameters from the second on are read as Longint
C_LONGINT(${2})
C_LONGINT($0)
$0:=$1
For ($i; 2; Count parameters)
	$0:=$0+${$i}
End for
