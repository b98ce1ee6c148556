// commands mini4d will not run
PLAY("sound")
If ($x=1)
	SET PICTURE TO PASTEBOARD($pic)
End if
$x:=1
