//%attributes = {}
// An error caught by Try does not fail the test.
var $result : Text
Try
	throw(1001; "out of stock")
	$result:="not reached"
Catch
	$result:=Last errors[0].message
End try
ASSERT($result="out of stock")
