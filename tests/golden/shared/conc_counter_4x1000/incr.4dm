#DECLARE($s : Object; $times : Integer)
var $j : Integer
For ($j; 1; $times)
	Use ($s)
		$s.count:=$s.count+1
	End use
End for
Use ($s)
	$s.done:=$s.done+1
End use
