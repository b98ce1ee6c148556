#DECLARE($s : 4D.Signal)
var $r : Text
$r:="worker: "+String(Storage.math.add(40; 2))+" "+String(Storage.math.twice())+" source="+Storage.math.add.source
Use ($s)
	$s.result:=$r
End use
$s.trigger()
