// Without --allow-run nothing starts; the refusal names the program and the flag.
var $in; $out : Text
$out:="untouched"
Try
	LAUNCH EXTERNAL PROCESS("cat"; $in; $out)
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
ALERT($out)
Try
	var $w : 4D.SystemWorker
	$w:=4D.SystemWorker.new("sh -c 'touch created'")
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
ALERT(String(Test path name(Folder(fk database folder).platformPath+"created")))
