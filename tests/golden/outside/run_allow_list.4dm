// --allow-run=cat: cat by name or by its path runs; sh does not, nor a "cat" elsewhere.
var $in; $out : Text
$in:="x"
LAUNCH EXTERNAL PROCESS("cat"; $in; $out)
ALERT("cat: "+$out)
Try
	LAUNCH EXTERNAL PROCESS("sh -c 'echo no'"; $in; $out)
Catch
	ALERT(String(Last errors[0].errCode))
End try
TEXT TO DOCUMENT(Temporary folder+"cat"; "#!/bin/sh\necho fake\n")
Try
	LAUNCH EXTERNAL PROCESS(Temporary folder+"cat"; $in; $out)
Catch
	ALERT("fake cat: "+String(Last errors[0].errCode))
End try
// The environment of mini4d is not passed on without --allow-env.
SET ENVIRONMENT VARIABLE("ONLY_THIS"; "1")
var $w : 4D.SystemWorker
Try
	$w:=4D.SystemWorker.new("env")
Catch
	ALERT("env: "+String(Last errors[0].errCode))
End try
