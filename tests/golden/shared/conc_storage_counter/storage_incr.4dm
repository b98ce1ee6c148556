#DECLARE($times : Integer)
var $j : Integer
var $c : Object
$c:=Storage.counter
For ($j; 1; $times)
	Use ($c)
		$c.n:=$c.n+1
	End use
End for
Use ($c)
	$c.done:=$c.done+1
End use
