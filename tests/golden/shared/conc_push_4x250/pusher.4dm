#DECLARE($c : Collection; $s : Object; $value : Integer; $times : Integer)
var $j : Integer
For ($j; 1; $times)
	$c.push($value)
End for
Use ($s)
	$s.done:=$s.done+1
End use
