// §1.4 (identifiers.md): local variable names are case-insensitive
var $Counter : Integer
$counter:=1
$COUNTER:=$Counter+1
ALERT(String($counter))
