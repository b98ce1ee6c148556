// check reads the project's constants (a name with spaces is one constant) and reports a
// malformed constants file at its place in the .xlf
var $t : Integer
$t:=Request timeout*2
