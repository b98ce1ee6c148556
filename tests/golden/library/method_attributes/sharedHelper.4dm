//%attributes = {"lang":"en","shared":true,"invisible":true,"preemptive":"capable"}
#DECLARE() : Text
return "shared helper"
