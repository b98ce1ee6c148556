// §4, §3.1 (cf_looping.md, dt_boolean.md): a parenthesised & condition in While
var $i; $s : Integer
While (($i<10) & ($s<20))
	$i:=$i+1
	$s:=$s+$i
End while
ALERT("i="+String($i)+" s="+String($s))
