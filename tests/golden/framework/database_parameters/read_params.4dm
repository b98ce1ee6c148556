#DECLARE($s : 4D.Signal)
// another process: application-scope values are the run's, process-scope ones its own
var $seen : Text
$seen:="other process: tips "+String(Get database parameter(Tips enabled))+", debug log "+String(Get database parameter(Debug log recording))+", dates "+String(Get database parameter(Dates inside objects))
Use ($s)
	$s.seen:=$seen
End use
$s.trigger()
