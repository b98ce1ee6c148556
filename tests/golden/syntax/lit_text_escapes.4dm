// Text literals and escape sequences
var $t : Text
$t:="Hello, World"
$t:=""
$t:="Tab\tNewline\nReturn\rBackslash\\Quote\"end"
$t:="Upper-case escapes: \N \T \R"
$t:="Other backslashes stay: C:\Users\me"
$t:="Unicode: été, 日本語, emoji 🎉"
$t:="'single quotes' are plain characters"
