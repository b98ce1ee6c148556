$a:=(1+)
$b:=ALERT("x";)
$c:=)
