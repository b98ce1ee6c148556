// §12 (generate-uuid.md): Generate UUID gives 32 hex characters without dashes; two calls differ
var $a; $b : Text
$a:=Generate UUID
$b:=Generate UUID
ALERT(String(Length($a)))
ALERT(String($a#$b))
ALERT(String(Position("-"; $a)))
