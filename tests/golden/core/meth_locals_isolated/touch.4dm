var $x : Integer
ALERT("callee x="+String($x))
$x:=50
