// TEXT TO BLOB / BLOB to text in the seven text formats of the BLOB theme ("Café": 4 characters,
// 5 bytes in UTF-8, 4 in Mac Roman where é is 0x8E).
var $b : Blob
var $o : Integer
var $f : Integer
For ($f; Mac C string; UTF8 text without length)
	TEXT TO BLOB("Café"; $b; $f)
	ALERT(String($f)+": "+String(BLOB size($b))+" "+bytes($b))
End for

// The default format is Mac C string.
TEXT TO BLOB("Ab"; $b)
ALERT(bytes($b))

// Empty texts.
TEXT TO BLOB(""; $b; UTF8 C string)
ALERT(bytes($b))
TEXT TO BLOB(""; $b; UTF8 text with length)
ALERT(bytes($b))
TEXT TO BLOB(""; $b; UTF8 text without length)
ALERT(String(BLOB size($b)))

// Reading back: each format knows where its text ends; the offset variable advances past it.
SET BLOB SIZE($b; 0)
TEXT TO BLOB("Café"; $b; UTF8 C string; *)
TEXT TO BLOB("Crème"; $b; UTF8 text with length; *)
TEXT TO BLOB("Noël"; $b; Mac Pascal string; *)
TEXT TO BLOB("Ça"; $b; Mac text with length; *)
TEXT TO BLOB("déjà vu"; $b; UTF8 text without length; *)
$o:=0
ALERT(BLOB to text($b; UTF8 C string; $o)+" "+String($o))
ALERT(BLOB to text($b; UTF8 text with length; $o)+" "+String($o))
ALERT(BLOB to text($b; Mac Pascal string; $o)+" "+String($o))
ALERT(BLOB to text($b; Mac text with length; $o)+" "+String($o))
// Without length: the number of characters to read is given.
ALERT(BLOB to text($b; UTF8 text without length; $o; 4)+" "+String($o))
ALERT(BLOB to text($b; UTF8 text without length; $o; 100)+" "+String($o))

// Writing at an offset keeps the other bytes and grows the blob with zeros.
SET BLOB SIZE($b; 0)
SET BLOB SIZE($b; 2; 0x41)
$o:=4
TEXT TO BLOB("xy"; $b; UTF8 text without length; $o)
ALERT(bytes($b)+" "+String($o))
