// §10 (error-handling.md): without error the Catch block is skipped
var $x : Integer
Try
	$x:=1+1
	ALERT("try ran x="+String($x))
Catch
	ALERT("catch ran")
End try
ALERT("after")
