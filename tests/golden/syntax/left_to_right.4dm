// 4D has no operator precedence: these all parse, left to right
$a:=3+4*5
$b:=3+(4*5)
$c:=1+2=3
$d:=$x || $y && $z
$e:=("A"="B") | (15#3)
$f:=2^3^2
$g:=10\3%2
$h:=$m << 8 >> 2 ^| 0xFF
$i:=-$x+1
$j:=$a>0 ? "positive" : $a<0 ? "negative" : "zero"
$k:="ab"*3
$l:=5 && 10 && "hello"
$p:=->$x
