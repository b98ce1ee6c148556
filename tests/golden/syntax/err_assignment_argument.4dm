// Only Formula takes an assignment as its argument
ALERT(String($n:=2))
$f:=Formula(1:=2)
$g:=Formula($a:=1; 2)
