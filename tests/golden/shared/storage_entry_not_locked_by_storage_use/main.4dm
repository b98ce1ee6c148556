// §7.8 (storage.md: Use(Storage) locks only its first-level attributes; no group with entries): while the main process holds Use(Storage), another process can Use a Storage entry
var $n; $i : Integer
Use (Storage)
	Storage.box:=New shared object("v"; 0)
	Storage.sig:=New shared object("done"; 0)
End use
Use (Storage)
	$n:=New process("entry_writer"; 0; "entry_writer_p")
	Repeat
		DELAY PROCESS(Current process; 1)
		$i:=$i+1
	Until ((Storage.sig.done=1) | ($i>=1200))
	ALERT("inside Use(Storage): v="+String(Storage.box.v))
End use
