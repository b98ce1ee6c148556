var $job : Object
$job:=Storage.job
Use ($job)
	$job.output:=$job.input*2
	$job.done:=1
End use
