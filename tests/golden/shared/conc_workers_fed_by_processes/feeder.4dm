#DECLARE($s : Object; $value : Integer)
var $j : Integer
For ($j; 1; 10)
	CALL WORKER("sink"; "sink_add"; $value)
End for
Use ($s)
	$s.fed:=$s.fed+1
End use
