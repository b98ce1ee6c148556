$a:=1
/* this comment /* is nested */ but never closed
$b:=2
