#DECLARE($s : Text; $k : Integer)
$s:="changed"
$k:=99
ALERT($s+" "+String($k))
