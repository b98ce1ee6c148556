// §7.8 (storage.md: available to all processes): a process started without parameters finds and updates the entries the main process put in Storage
var $n; $i : Integer
Use (Storage)
	Storage.job:=New shared object("input"; 21; "done"; 0)
End use
$n:=New process("storage_doubler"; 0; "storage_doubler_p")
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until ((Storage.job.done=1) | ($i>=1200))
ALERT("output="+String(Storage.job.output))
