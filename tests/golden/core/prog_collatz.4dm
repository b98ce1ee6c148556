// §4 (cf_looping.md): While loop with % and integer arithmetic (Collatz steps of 27)
var $n; $steps; $peak : Real
$n:=27
$peak:=$n
While ($n#1)
	If ($n%2=0)
		$n:=$n/2
	Else
		$n:=3*$n+1
	End if
	If ($n>$peak)
		$peak:=$n
	End if
	$steps:=$steps+1
End while
ALERT("steps="+String($steps)+" peak="+String($peak))
