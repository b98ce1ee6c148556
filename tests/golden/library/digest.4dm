// Generate digest on texts (their UTF-8 bytes) and blobs, in hexadecimal or Base64URL (*).
// Expected values: the 4D page's examples and the FIPS 180 / RFC 1321 test vectors.
var $b : Blob
ALERT(Generate digest("The quick brown fox jumps over the lazy dog."; MD5 digest))
ALERT(Generate digest("The quick brown fox jumps over the lazy dog."; SHA1 digest))
ALERT(Generate digest(""; MD5 digest))
ALERT(Generate digest("abc"; SHA1 digest))
ALERT(Generate digest("abc"; SHA256 digest))
ALERT(Generate digest("abc"; SHA512 digest))
// The same bytes in a blob give the same digest.
TEXT TO BLOB("abc"; $b; UTF8 text without length)
ALERT(String(Generate digest($b; SHA256 digest)=Generate digest("abc"; SHA256 digest)))
ALERT(Generate digest($b; MD5 digest))
// Non-ASCII text: the UTF-8 bytes are hashed.
ALERT(Generate digest("é"; MD5 digest))
// Base64URL.
ALERT(Generate digest("abc"; MD5 digest; *))
ALERT(Generate digest("abc"; SHA256 digest; *))
