#DECLARE() : Text
return "host Helper"
