#DECLARE($n : Integer) : Collection
var $c : Collection
var $i : Integer
$c:=New collection
For ($i; 1; $n)
	$c.push($i)
End for
return $c
