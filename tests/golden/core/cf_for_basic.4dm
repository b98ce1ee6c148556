// §4 (cf_looping.md): For with default step 1; afterwards the counter holds the first value past the end
var $i; $sum : Integer
For ($i; 1; 5)
	$sum:=$sum+$i
End for
ALERT("sum="+String($sum))
ALERT("i="+String($i))
