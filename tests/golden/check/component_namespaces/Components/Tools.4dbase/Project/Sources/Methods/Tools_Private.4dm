//%attributes = {}
#DECLARE() -> $text : Text
$text:="private"
