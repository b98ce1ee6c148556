// `[[…]]` (character index) inside an object literal: the properties after it still parse.
$t:="abc"
$o:={first: $t[[1]]; last: $t[[3]]}
ALERT(JSON Stringify($o))
