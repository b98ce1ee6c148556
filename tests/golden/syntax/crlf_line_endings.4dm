// CRLF line endings
If ($a=1)
	$b:=1

Else 
	$b:="x"+\
	"y"
End if
