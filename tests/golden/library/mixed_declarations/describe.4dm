#DECLARE($label : Text; $amount : Integer) -> $out : Text
C_TEXT($3)
$out:=$label+"="+String($amount)+" and "+$3+" ("+String(Count parameters)+" parameters)"
