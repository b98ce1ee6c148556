#DECLARE($s : Object)
var $info : Object
$info:=Process info(Current process)
Use ($s)
	$s.num:=Current process
	$s.type:=$info.type
	$s.name:=$info.name
	$s.done:=1
End use
