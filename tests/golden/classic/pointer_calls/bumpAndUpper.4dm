#DECLARE($text : Pointer; $count : Pointer)
$text->:=Uppercase($text->)
deeper($count)
