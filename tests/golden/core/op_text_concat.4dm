// §3.2 (dt_string.md): + concatenates texts
var $a; $b : Text
$a:="abc"
$b:="def"
ALERT($a+$b)
ALERT("x"+String(1)+"y")
ALERT(""+"only")
ALERT("["+""+"]")
