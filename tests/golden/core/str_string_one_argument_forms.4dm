// String() with one argument, alone and appended to a text, for every kind of value (§12 String; numbers as 4D shows them)
var $t : Text
var $i; $neg : Integer
var $r : Real
var $d : Date
var $b : Boolean
var $o : Object
$i:=42
$neg:=-2147483647
$r:=3.25
$d:=!2024-02-29!
$b:=True
$t:="<"
$t:=$t+String($i)+","+String($neg)+","+String($r)+","+String(1/3)+","+String(-0.5)+","+String(1e+20)
$t:=$t+String(7)
$t:=$t+String($d)+";"+String($b)+";"+String("text")
ALERT($t)
ALERT(String($i)+String($r)+String($neg))
Try
	$t:=$t+String($o)
	ALERT("object: "+$t)
Catch
	ALERT("object: "+String(Last errors[0].errCode)+" "+$t)
End try
$t:=""
For ($i;-2;2)
	$t:=$t+String($i)
End for 
ALERT($t)
