// §4 (cf_looping.md): nested For loops with different counters
var $i; $j : Integer
var $line : Text
For ($i; 1; 3)
	$line:=""
	For ($j; 1; 3)
		$line:=$line+String($i*$j)+" "
	End for
	ALERT($line)
End for
