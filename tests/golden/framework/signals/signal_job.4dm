#DECLARE($signal : 4D.Signal; $n : Integer)
Use ($signal)
	$signal.result:=$n*7
End use
$signal.trigger()
