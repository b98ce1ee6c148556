// Asserted: like ASSERT, but it returns the value of its expression (also when assertions
// are disabled).
ALERT(String(Asserted(1<2; "fine")))
SET ASSERT ENABLED(False)
ALERT(String(Asserted(1>2; "off")))
SET ASSERT ENABLED(True)
Try
	$r:=Asserted(1>2; "two is not less than one")
Catch
	ALERT(Last errors[0].message)
End try
