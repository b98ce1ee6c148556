#DECLARE($signal : 4D.Signal; $label : Text)
KILL WORKER
CALL WORKER("selfkill"; "selfkill_job"; $signal; "again")
Use ($signal)
	$signal.labels.push($label)
	$signal.process:=Current process name
	$signal.number:=Current process
End use
If ($label#"again")
	$signal.trigger()
End if
