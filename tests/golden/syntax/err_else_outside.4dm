Else
$a:=1
If (True)
Else
Else
End if
