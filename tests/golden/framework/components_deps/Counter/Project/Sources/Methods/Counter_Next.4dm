//%attributes = {"shared":true}
#DECLARE() : Integer
var counterValue : Integer
counterValue:=counterValue+1
return counterValue
