#DECLARE($s : Object)
Use ($s)
	$s.num:=Current process
	$s.name:=Process info(Current process).name
	$s.done:=1
End use
