//%attributes = {"shared":true}
#DECLARE($target : Pointer)
// A pointer is the way to change a host variable
$target->:="set by the component through a pointer"
