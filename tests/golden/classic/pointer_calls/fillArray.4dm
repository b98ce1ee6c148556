#DECLARE($array : Pointer; $n : Integer)
var $i : Integer
For ($i; 1; $n)
	APPEND TO ARRAY($array->; $i*100)
End for
