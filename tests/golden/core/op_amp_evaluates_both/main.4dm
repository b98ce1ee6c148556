// §3.2 (dt_boolean.md / operators.md): & and | always evaluate both sides; && and || short-circuit
var $b : Boolean
$b:=False & side("amp")
ALERT("amp="+String($b))
$b:=True | side("bar")
ALERT("bar="+String($b))
$b:=False && side("andand")
ALERT("andand="+String($b))
$b:=True || side("oror")
ALERT("oror="+String($b))
$b:=False || side("oror2")
ALERT("oror2="+String($b))
