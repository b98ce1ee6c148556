// file starting with a UTF-8 byte order mark
$a:=1
