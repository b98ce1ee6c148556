// BASE64 ENCODE / BASE64 DECODE: texts are encoded as UTF-8; `*` is Base64URL (RFC 4648 §5).
var $t; $enc : Text
var $b; $bb : Blob

// In place, and into a second variable.
$t:="Hello, World!"
BASE64 ENCODE($t)
ALERT($t)
BASE64 DECODE($t)
ALERT($t)
BASE64 ENCODE("Café"; $enc)
ALERT($enc)

// The three padding cases of RFC 4648's test vectors.
BASE64 ENCODE("f"; $enc)
ALERT($enc)
BASE64 ENCODE("fo"; $enc)
ALERT($enc)
BASE64 ENCODE("foo"; $enc)
ALERT($enc)
BASE64 ENCODE("foob"; $enc)
ALERT($enc)

// Bytes that differ between the two alphabets: 0xFB 0xFF 0xBF → "+/+/" and "-_-_".
SET BLOB SIZE($b; 0)
INTEGER TO BLOB(0xFBFF; $b; Macintosh byte ordering; *)
INTEGER TO BLOB(0xBFFB; $b; Macintosh byte ordering; *)
INTEGER TO BLOB(0xFFBF; $b; Macintosh byte ordering; *)
BASE64 ENCODE($b; $enc)
ALERT($enc)
BASE64 ENCODE($b; $enc; *)
ALERT($enc)

// Decoding into a blob; Base64URL decoding with `*`.
BASE64 DECODE("-_-_-_-_"; $bb; *)
ALERT(String(BLOB size($bb))+" "+String(BLOB to longint($bb; Macintosh byte ordering)))
BASE64 DECODE("Q2Fmw6k="; $bb)
ALERT(BLOB to text($bb; UTF8 text without length))

// A blob encoded in place holds the Base64 characters.
TEXT TO BLOB("hi"; $b; UTF8 text without length)
BASE64 ENCODE($b)
ALERT(BLOB to text($b; UTF8 text without length))

// Invalid Base64 gives an empty result.
BASE64 DECODE("%%%"; $t)
ALERT("["+$t+"]")
// Line breaks are ignored, padding is optional.
BASE64 DECODE("SGVs\nbG8"; $t)
ALERT($t)
