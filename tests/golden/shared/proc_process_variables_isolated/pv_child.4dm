#DECLARE($s : Object)
var pvLabel : Text
pvLabel:="child"
Use ($s)
	$s.seen:=pvLabel
	$s.done:=1
End use
