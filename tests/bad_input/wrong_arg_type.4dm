var $x : Integer
$x:=Length(New object)
