// Try / Catch / End try (block form)
Try
	$r:=1/0
Catch
	$errors:=Last errors
End try
Try
	throw(1; "oops")
End try
