// Try(expression) (expression form)
$r:=Try($o.method())
Try(throw(1))
$v:=Try(JSON Parse($text))
If (Try($x.y)=Null)
End if
