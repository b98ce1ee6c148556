// The failing ASSERT is in the called method: the report points there.
var $r : Integer
$r:=double(-1)
