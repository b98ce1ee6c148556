// BLOB commands, from the BLOB theme pages of the 4D documentation.
var $b; $c : Blob
var $o : Integer

// A new Blob variable is empty; Value type says Is BLOB.
ALERT(String(Value type($b)=Is BLOB)+" "+String(BLOB size($b)))

// SET BLOB SIZE with and without a filler; shrinking keeps the first bytes.
SET BLOB SIZE($b; 3; 0xFF)
ALERT(bytes($b))
SET BLOB SIZE($b; 5)
ALERT(bytes($b))
SET BLOB SIZE($b; 2)
ALERT(bytes($b))

// INTEGER TO BLOB: without offset the blob becomes the 2 bytes; with an offset the size grows
// only as needed and the offset variable advances; * appends.
INTEGER TO BLOB(0x0206; $b; PC byte ordering)
ALERT(bytes($b))
INTEGER TO BLOB(0x0206; $b; Macintosh byte ordering)
ALERT(bytes($b))
SET BLOB SIZE($b; 6)
$o:=3
INTEGER TO BLOB(518; $b; Macintosh byte ordering; $o)
ALERT(bytes($b)+" offset "+String($o))
INTEGER TO BLOB(-1; $b; PC byte ordering; *)
ALERT(bytes($b))
ALERT(String(BLOB to integer($b; PC byte ordering; $o))+" offset "+String($o))

// LONGINT TO BLOB / BLOB to longint in both byte orders.
LONGINT TO BLOB(0x01020304; $b; Macintosh byte ordering)
ALERT(bytes($b))
LONGINT TO BLOB(0x01020304; $b; PC byte ordering)
ALERT(bytes($b))
ALERT(String(BLOB to longint($b; PC byte ordering))+" "+String(BLOB to longint($b; Macintosh byte ordering)))
LONGINT TO BLOB(-2; $b; PC byte ordering)
ALERT(String(BLOB to longint($b; PC byte ordering)))

// REAL TO BLOB: doubles in 8 bytes, extended in 10.
REAL TO BLOB(1; $b; Macintosh double real format)
ALERT(bytes($b))
REAL TO BLOB(1; $b; PC double real format)
ALERT(bytes($b))
REAL TO BLOB(1; $b; Extended real format)
ALERT(bytes($b))
REAL TO BLOB(-1234.5678; $b; Extended real format; *)
$o:=10
ALERT(String(BLOB size($b))+" "+String(BLOB to real($b; Extended real format; $o))+" offset "+String($o))

// COPY BLOB grows the destination; INSERT IN BLOB and DELETE FROM BLOB.
SET BLOB SIZE($b; 0)
TEXT TO BLOB("ABCDEF"; $b; UTF8 text without length)
COPY BLOB($b; $c; 1; 2; 3)
ALERT(bytes($c))
INSERT IN BLOB($b; 2; 2; 0x2D)
ALERT(BLOB to text($b; UTF8 C string))
DELETE FROM BLOB($b; 0; 3)
ALERT(BLOB to text($b; UTF8 C string))
DELETE FROM BLOB($b; 3; 100)
ALERT(BLOB to text($b; UTF8 C string)+" "+String(BLOB size($b)))

// A blob assigned to another is a copy.
$c:=$b
SET BLOB SIZE($c; 0)
ALERT(String(BLOB size($b))+" "+String(BLOB size($c)))
