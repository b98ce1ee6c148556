// §4 (cf_looping.md): For with a negative step counts down
var $i : Integer
var $s : Text
For ($i; 5; 1; -1)
	$s:=$s+String($i)
End for
ALERT($s)
ALERT("i="+String($i))
