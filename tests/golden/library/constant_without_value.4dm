// A constant the 4D documentation gives no value for (a picture metadata tag) is an error
// naming it, raised when the line runs.
ALERT("before")
var $tag : Text
$tag:=EXIF exposure time
ALERT("not reached")
