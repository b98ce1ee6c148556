If ($a=1
End if
$b:=Length("x"
