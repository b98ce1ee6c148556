var $0 : Text
$0:=String(Count parameters)+" "+JSON Stringify(Copy parameters)+" "+JSON Stringify(Copy parameters(2))
