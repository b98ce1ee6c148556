#DECLARE($p1 : Text; $p2 : Text) -> $r : Text
If (Count parameters=2)
	$r:=$p1+" "+$p2
Else
	$r:="no params"
End if
