#DECLARE($s : Object)
Use ($s)
	$s.total:=accTotal
	$s.calls:=accCalls
	$s.done:=1
End use
