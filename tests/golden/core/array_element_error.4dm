// `{}` on a variable that holds no array raises an error (caught by Try)
var $t : Text
Try
	$t:=$t_array{1}
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
Try
	$t_array{1}:="x"
Catch
	ALERT(String(Last errors[0].errCode))
End try
ALERT("done")
