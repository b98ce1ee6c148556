var $x : Text
$x:=Substring("abc")
