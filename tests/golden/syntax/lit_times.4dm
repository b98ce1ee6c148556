// Time literals and the ternary / bit operators that share `?`
var $h : Time
$h:=?12:30:00?
$h:=?8:05:30?
$h:=?12:30?
$h:=?00:00:00?
$h:=?02:03:04?+?01:02:03?
$h:=?596000:00:00?
var $b : Boolean
$b:=($h>?01:00:00?) ? True : False
$n:=0x00010000 ?? 16
$n:=$n ?+ 3
$n:=$n ?- 3
