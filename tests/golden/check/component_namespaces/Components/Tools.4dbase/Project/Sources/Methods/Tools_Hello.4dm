//%attributes = {"shared":true}
#DECLARE($who : Text) -> $text : Text
$text:="Hello "+$who
