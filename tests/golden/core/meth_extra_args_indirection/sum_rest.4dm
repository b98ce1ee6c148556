#DECLARE($label : Text) -> $r : Text
var $i : Integer
var $sum : Real
For ($i; 2; Count parameters)
	$sum:=$sum+${$i}
End for
$r:=$label+"="+String($sum)+" ("+String(Count parameters)+" params)"
