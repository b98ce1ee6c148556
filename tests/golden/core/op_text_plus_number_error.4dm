// §2.3 (data-types.md): no implicit Text/Number mixing, "abc"+0.5 is a runtime error
var $t : Text
ALERT("start")
$t:="abc"+0.5
ALERT("not reached")
