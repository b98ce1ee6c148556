//%attributes = {"shared":true}
#DECLARE()->$seen : Text
$seen:="component has gLabel=["+gLabel+"] <>gCount=["+String(<>gCount)+"]"
