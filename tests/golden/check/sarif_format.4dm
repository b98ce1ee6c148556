var $y : Text
$y:=3
