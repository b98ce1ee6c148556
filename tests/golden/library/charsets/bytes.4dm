// The bytes of a blob in decimal, read through 2-byte PC-order integers.
#DECLARE($b : Blob) : Text
var $one : Blob
var $out : Text
var $i : Integer
SET BLOB SIZE($one; 2; 0)
For ($i; 0; BLOB size($b)-1)
	COPY BLOB($b; $one; $i; 0; 1)
	$out:=$out+String(BLOB to integer($one; PC byte ordering))+Choose($i<(BLOB size($b)-1); " "; "")
End for
return "["+$out+"]"
