// A pointer to a caller's local, passed down through two calls
var $text : Text:="jones"
var $count : Integer:=1
bumpAndUpper(->$text; ->$count)
ALERT($text+" "+String($count))
// A pointer to an array, passed down
ARRAY LONGINT($values; 0)
fillArray(->$values; 3)
ALERT(String(Size of array($values))+" "+String($values{3}))
// A pointer to a local of a call that has returned is dangling
var $p : Pointer:=keepPointer
$t:=$p->
