#DECLARE()
var $i : Integer
For ($i; 1; Count parameters)
	LOG EVENT(Into system standard outputs; String(${$i}))
End for
