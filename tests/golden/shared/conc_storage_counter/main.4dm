// §7.8, §9 (storage.md example 3 pattern): 3 processes started without parameters increment a counter kept in Storage, each 500 times inside Use
var $k; $n; $i : Integer
Use (Storage)
	Storage.counter:=New shared object("n"; 0; "done"; 0)
End use
For ($k; 1; 3)
	$n:=New process("storage_incr"; 0; "storage_incr_"+String($k); 500)
End for
Repeat
	DELAY PROCESS(Current process; 1)
	$i:=$i+1
Until ((Storage.counter.done=3) | ($i>=3600))
ALERT("n="+String(Storage.counter.n))
