Case of
	$x:=1
	: ($a=1)
End case
