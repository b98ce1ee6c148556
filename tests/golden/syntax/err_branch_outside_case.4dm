: ($a=1)
Case of
	$x:=1
	: ($a=2)
	Else
	: ($a=3)
End case
