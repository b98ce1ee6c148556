// Arithmetic and comparisons on number locals/literals, and parameters computed from them, keep 4D's types (§3 operators, §5 parameters)
var $i : Integer
var $r : Real
var $v : Variant
$i:=7
$r:=2.5
ALERT(String(Value type($i-1))+" "+String($i-1))
ALERT(String(Value type($i%3))+" "+String($i%3))
ALERT(String(Value type(echo($i)))+" "+String(echo($i)))
ALERT(String(Value type(echo($i-1)))+" "+String(echo($i-1)))
ALERT(String(Value type(echo(1)))+" "+String(echo(1.5)))
ALERT(String(Value type(asInt($r*3)))+" "+String(asInt($r*3)))
ALERT(String(Value type(asReal($i+1)))+" "+String(asReal($i+1)))
ALERT(String($i<$r)+" "+String($r<=2.5)+" "+String($i>=7)+" "+String(3>$i))
If ($i>$r)
	ALERT("7 > 2.5")
End if 
$v:="7"
Try
	If ($v<$i)
		ALERT("no")
	End if 
Catch
	ALERT("compare text with number: "+String(Last errors[0].errCode))
End try
