// §3.2 (operators.md Ternary operator): only the selected branch is evaluated
var $t : Text
$t:=(1=1) ? pick("yes") : pick("no")
ALERT("got "+$t)
$t:=(1=2) ? pick("yes") : pick("no")
ALERT("got "+$t)
