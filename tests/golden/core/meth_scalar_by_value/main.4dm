// §5 (parameters.md): scalar arguments are copied; changing the parameter does not change the caller's variable
var $t : Text
var $n : Integer
$t:="original"
$n:=1
rename($t; $n)
ALERT($t+" "+String($n))
