//%attributes = {"shared":false}
#DECLARE() : Text
return "component Helper"
