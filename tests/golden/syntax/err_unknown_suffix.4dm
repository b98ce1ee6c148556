$a:=Nothing here:C99999($x)
$b:=Not a constant:K99:1
