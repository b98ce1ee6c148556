// §1.1 (quick-tour.md Code on several lines): a trailing backslash continues the statement on the next line
var $s : Text
$s:="abc"+\
"def"+\
"ghi"
ALERT($s)
ALERT(String(Length(\
$s)))
