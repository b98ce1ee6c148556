$a:=1 @ 2
$b:='quoted'
$c:=!True
$d:=$ + 1
