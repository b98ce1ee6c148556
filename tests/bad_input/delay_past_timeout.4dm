DELAY PROCESS(Current process; 60*3600)
ALERT("woke")
var $i : Integer
While (True)
	$i:=$i+1
End while
