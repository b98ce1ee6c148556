// §2.3, §4 (dt_string.md, cf_looping.md): reversing a text with [[i]] and a descending For
var $t; $r : Text
var $i : Integer
$t:="stressed"
For ($i; Length($t); 1; -1)
	$r:=$r+$t[[$i]]
End for
ALERT($r)
