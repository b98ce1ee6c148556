var $x : Integer
$x:=Length("a"; "b"; "c")
