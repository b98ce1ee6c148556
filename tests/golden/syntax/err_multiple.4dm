// several errors in one file are all reported
$a:=
If ($a=1
	$b:=2 3
End if
$c:="unterminated
$d:=[1; 2
For ($i; 1)
End for
$e:=$f.
