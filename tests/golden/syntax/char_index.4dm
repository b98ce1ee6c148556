// Character reference [[ ]] versus nested [ ]
$t:="Hello"
$first:=$t[[1]]
$last:=$t[[Length($t)]]
$t[[1]]:="J"
$v:=$c[$d[1]]
$w:=$c[$d[$e[0]]]
$nested:=[[1; 2]; [3]]
$ch:=$o.name[[2]]
