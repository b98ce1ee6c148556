// An element number past the end of the array is an error
ARRAY TEXT($t; 2)
ALERT("before")
$t{3}:="x"
ALERT("not reached")
