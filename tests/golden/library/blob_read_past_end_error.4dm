// Reading a number past the end of a blob is error -111 (BLOB to integer page); an error
// caught by Try leaves the offset variable unchanged.
var $b : Blob
var $o : Integer
SET BLOB SIZE($b; 3)
$o:=2
Try
	ALERT(String(BLOB to integer($b; PC byte ordering; $o)))
Catch
	ALERT("caught "+String(Last errors[0].errCode)+", offset still "+String($o))
End try
ALERT(String(BLOB to longint($b; PC byte ordering)))
