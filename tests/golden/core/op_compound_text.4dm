// §3.2, §15 #12 (operators.md): Text += Text and Text *= Number
var $t; $u : Text
$t:="Hello"
$t+=" World"
ALERT($t)
$u:="ab"
$u*=3
ALERT($u)
