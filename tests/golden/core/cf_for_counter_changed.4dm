// §4 (cf_looping.md Tip): the body may change the counter, which affects the loop
var $i : Integer
var $s : Text
For ($i; 1; 10)
	$s:=$s+String($i)+" "
	$i:=$i+1
End for
ALERT($s)
