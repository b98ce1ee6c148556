// CONVERT FROM TEXT / Convert to text: character sets by name (any case) or MIBEnum, OK set.
var $b : Blob
var $cs : Text
var $o : Integer
For each ($cs; ["UTF-8"; "ISO-8859-1"; "windows-1252"; "MacRoman"; "x-mac-roman"; "UTF-16BE"; "UTF-16LE"; "UTF-32BE"; "US-ASCII"; "latin2"; "Shift_JIS"; "koi8-r"])
	CONVERT FROM TEXT("Aé€"; $cs; $b)
	ALERT($cs+" "+String(OK)+" "+bytes($b)+" "+Convert to text($b; $cs))
End for each
// The plain UTF-16 and UTF-32 names write a BOM (big-endian).
CONVERT FROM TEXT("A"; "UTF-16"; $b)
ALERT(bytes($b))
CONVERT FROM TEXT("A"; "UTF-32"; $b)
ALERT(bytes($b))
// By MIBEnum: 106 UTF-8, 4 ISO-8859-1, 2027 MacRoman.
CONVERT FROM TEXT("é"; 106; $b)
ALERT(bytes($b))
CONVERT FROM TEXT("é"; 4; $b)
ALERT(bytes($b))
CONVERT FROM TEXT("é"; 2027; $b)
ALERT(bytes($b)+" "+Convert to text($b; 2027))
// Convert to text follows a Unicode BOM whatever Unicode set is named, and drops it.
CONVERT FROM TEXT("Ab"; "UTF-16LE"; $b)
INSERT IN BLOB($b; 0; 2)
$o:=0
INTEGER TO BLOB(0xFEFF; $b; PC byte ordering; $o)
ALERT(bytes($b)+" "+Convert to text($b; "UTF-8"))
CONVERT FROM TEXT("Ab"; "UTF-8"; $b)
INSERT IN BLOB($b; 0; 1; 0xEF)
INSERT IN BLOB($b; 1; 1; 0xBB)
INSERT IN BLOB($b; 2; 1; 0xBF)
ALERT(String(BLOB size($b))+" "+Convert to text($b; "UTF-16"))
// An unknown set: OK is 0, the results are empty.
CONVERT FROM TEXT("abc"; "no-such-charset"; $b)
ALERT(String(OK)+" "+String(BLOB size($b)))
ALERT("["+Convert to text($b; "no-such-charset")+"] "+String(OK))
