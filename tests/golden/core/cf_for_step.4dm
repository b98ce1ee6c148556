// §4 (cf_looping.md): For with a step greater than one
var $i : Integer
var $s : Text
For ($i; 1; 10; 3)
	$s:=$s+String($i)+" "
End for
ALERT($s)
ALERT("i="+String($i))
