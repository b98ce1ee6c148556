// SignalClass.md, new-signal.md: a 4D.Signal is a shared object with .description, a read-only .signaled, .wait({timeout}) and .trigger(); a worker fills it under Use and triggers it
var $s : 4D.Signal
$s:=New signal("first")
ALERT(OB Class($s).name+" instance="+String(OB Instance of($s; 4D.Signal))+" shared="+String(OB Is shared($s)))
ALERT($s.description+" signaled="+String($s.signaled))
ALERT("wait 0.05 s: "+String($s.wait(0.05)))
Use ($s)
	$s.description:="renamed"
End use
ALERT($s.description)
Try
	$s.signaled:=True
Catch
	ALERT("write signaled: "+String(Last errors[0].errCode))
End try
Try
	$s.note:="outside Use"
Catch
	ALERT("write outside Use: "+String(Last errors[0].errCode))
End try
var $none : 4D.Signal
$none:=New signal
ALERT("no description: ["+$none.description+"]")
CALL WORKER("signal_worker"; "signal_job"; $s; 6)
ALERT("wait: "+String($s.wait(30)))
ALERT("signaled="+String($s.signaled)+" result="+String($s.result))
$s.trigger()
ALERT("still signaled="+String($s.signaled)+" wait="+String($s.wait()))
