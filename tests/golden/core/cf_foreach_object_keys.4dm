// §4 (cf_looping.md Loop through object properties): property names in creation order
var $o : Object
var $k; $s : Text
$o:={zeta: 1; alpha: 2; mid: 3}
$o.beta:=4
For each ($k; $o)
	$s:=$s+$k+"="+String($o[$k])+" "
End for each
ALERT($s)
