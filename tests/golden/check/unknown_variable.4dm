// Process and interprocess variables that nothing assigns or declares: misspellings the
// compiler rejects. Variables given a value anywhere (assigned, ARRAY, output arguments of a
// command, system variables such as OK) are fine.
var $sum : Real
vTotal:=10
<>rate:=0.2
$sum:=vTotl*(1+<>rate)
$sum:=vTotal*(1+<>rte)
ARRAY TEXT(atNames; 0)
$sum:=$sum+Size of array(atNames)+OK
ALERT(String($sum))
