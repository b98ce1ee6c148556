// Mod on every kind of argument: integers, reals (rounded first), zero divisor, huge values, times, booleans and a text (§12 Mod)
var $i : Integer
var $r : Real
var $t : Text
$i:=-7
$r:=7.6
ALERT(String(Mod(7;3))+" "+String(Mod($i;3))+" "+String(Mod($r;2))+" "+String(Mod(7;-3))+" "+String(Mod(2.5;2)))
ALERT(String(Mod(5;0))+" "+String(Mod(1e+300;7))+" "+String(Mod(9007199254740993;10))+" "+String(Mod(-0.4;3)))
ALERT(String(Mod(?01:00:05?;60))+" "+String(Mod(True;2))+" "+String(Value type(Mod($i;2))))
Try
	$t:=String(Mod("9";2))
	ALERT("text: "+$t)
Catch
	ALERT("text: "+String(Last errors[0].errCode))
End try
