// `$x:=$x+a+b` whose last addition fails leaves $x as it was (§3 operators, §10 errors: the assignment never happens)
var $t : Text
var $r : Real
var $n : Integer
$t:="ab"
$r:=1.5
Try
	$t:=$t+"c"+1
Catch
	ALERT("text: "+String(Last errors[0].errCode)+" "+$t)
End try
Try
	$r:=$r+1+"x"
Catch
	ALERT("real: "+String(Last errors[0].errCode)+" "+String($r))
End try
$t:=$t+"c"+String(1)+"d"
$r:=$r+1+2
ALERT($t+" "+String($r))
For ($n;1;3)
	$t:=$t+String($n)+","
End for 
ALERT($t)
