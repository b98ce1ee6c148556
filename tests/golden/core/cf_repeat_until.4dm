// §4 (cf_looping.md): Repeat ... Until runs at least once and stops when the condition is True
var $n : Integer
Repeat
	$n:=$n+1
	ALERT("pass "+String($n))
Until (True)
$n:=0
Repeat
	$n:=$n+2
Until ($n>=7)
ALERT("n="+String($n))
