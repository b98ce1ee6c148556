$a:="abc
$b:="fine"
$c:="ends with backslash\
