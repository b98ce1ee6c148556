#DECLARE($a : Integer; $b : Integer) -> $r : Real
var $k : Integer
var $x : Real
$x:=-$a
While ($k<3)
	$k:=$k+1
	$x:=$x+($a%3)+Abs($b)
End while 
Repeat 
	$k:=$k-1
	$x+=$k
Until ($k<=0)
Case of 
	: ($a=$b)
		$r:=$x^2
	: ($a>$b)
		return $x/4+($a\3)
	Else 
		$r:=-$x
End case 
