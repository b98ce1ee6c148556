//%attributes = {"shared":true}
#DECLARE($hostCs : Object) : Text
// The component's own cs (its classes) and the host's, passed in
var $keys : Collection
$keys:=OB Keys(cs)
return JSON Stringify($keys)+" / host has Shape: "+String($hostCs.Shape#Null)+" / "+Helper+" / "+$hostCs.Shape.new().describe()
