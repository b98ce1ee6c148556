#DECLARE($s : Object)
Use ($s)
	$s.count:=cntCount
	$s.sum:=cntSum
	$s.ordered:=cntOrdered
	$s.done:=1
End use
