//%attributes = {"shared":true}
#DECLARE()->$seen : Text
// The component's process and interprocess variables of the same names as the host's
var gLabel : Text
var <>gCount : Integer
$seen:="component saw gLabel=["+gLabel+"] <>gCount=["+String(<>gCount)+"]"
gLabel:="component value"
<>gCount:=100
