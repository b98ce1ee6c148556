#DECLARE()->$name : Text
$name:=Current method name
