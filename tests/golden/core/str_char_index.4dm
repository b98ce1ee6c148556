// §2.3 (dt_string.md Character reference symbols): t[[i]] reads and writes one character (1-based)
var $t : Text
$t:="hello"
ALERT($t[[1]])
ALERT($t[[Length($t)]])
$t[[1]]:="J"
ALERT($t)
