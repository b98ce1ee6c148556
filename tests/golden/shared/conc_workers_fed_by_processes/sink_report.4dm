#DECLARE($s : Object)
Use ($s)
	$s.count:=sinkCount
	$s.sum:=sinkSum
	$s.done:=1
End use
