// §7.8 (shared.md "Storage": using an entry does not lock Storage): while the main process holds Use on a Storage entry, another process can add to Storage
var $r : Object
var $n; $i : Integer
Use (Storage)
	Storage.box:=New shared object("v"; 0)
End use
$r:=New shared object("done"; 0)
Use (Storage.box)
	$n:=New process("storage_adder"; 0; "storage_adder_p"; $r)
	Repeat
		DELAY PROCESS(Current process; 1)
		$i:=$i+1
	Until (($r.done=1) | ($i>=1200))
	ALERT("added during Use(entry): "+String(OB Is defined(Storage; "extra")))
End use
