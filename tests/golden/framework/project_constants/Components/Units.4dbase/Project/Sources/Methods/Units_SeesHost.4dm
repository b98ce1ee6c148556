//%attributes = {"shared":true}
#DECLARE()->$seen : Text
// the host's constants are not the component's: here the name is a plain (process) variable
$seen:=Value type(Weekdays)=Is undefined ? "no" : "yes"
