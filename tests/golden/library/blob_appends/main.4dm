// Appending to a blob in a loop: the variable keeps every byte, a copy taken
// before is not changed, and a command that fails gives the blob back intact.
var $b : Blob
var $i : Integer
For ($i; 1; 20000)
	TEXT TO BLOB("0123456789"; $b; UTF8 text without length; *)
End for
ALERT("size after appends: "+String(BLOB size($b)))
LONGINT TO BLOB(258; $b; Macintosh byte ordering; *)
ALERT("last bytes: "+String($b{BLOB size($b)-2})+" "+String($b{BLOB size($b)-1}))

var $before:=$b
INSERT IN BLOB($b; 0; 3; 255)
ALERT("copy unchanged: "+String(BLOB size($before))+" / "+String(BLOB size($b))+" first="+String($b{0}))
DELETE FROM BLOB($b; 0; 3)
ALERT("after delete: "+String(BLOB size($b))+" first="+String($b{0}))

// an offset variable advances with each write
var $offset : Integer
var $c : Blob
INTEGER TO BLOB(1; $c; PC byte ordering; $offset)
INTEGER TO BLOB(2; $c; PC byte ordering; $offset)
ALERT("offset="+String($offset)+" size="+String(BLOB size($c)))

// a failing call leaves the variable's bytes in place
var $kept : Blob
TEXT TO BLOB("abc"; $kept; UTF8 text without length)
ON ERR CALL("ignore_error")
TEXT TO BLOB("x"; $kept; 99)
ON ERR CALL("")
ALERT("kept: "+BLOB to text($kept; UTF8 text without length))

// a process variable works the same
C_BLOB(vBlob)
For ($i; 1; 3)
	TEXT TO BLOB("ab"; vBlob; UTF8 text without length; *)
End for
ALERT("process variable: "+BLOB to text(vBlob; UTF8 text without length))
