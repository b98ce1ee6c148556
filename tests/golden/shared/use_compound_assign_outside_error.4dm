// §7.4, §3.2 (shared.md; mini4d code -10722): compound assignments are modifications: outside Use they fail and change nothing
var $o : Object
var $c : Collection
$o:=New shared object("n"; 5; "t"; "ab")
$c:=New shared collection(1)
Try
	$o.n+=1
Catch
	ALERT("+= "+String(Last errors[0].errCode))
End try
Try
	$o.t*=2
Catch
	ALERT("*= "+String(Last errors[0].errCode))
End try
Try
	$c[0]-=1
Catch
	ALERT("element -= "+String(Last errors[0].errCode))
End try
ALERT(String($o.n)+" "+$o.t+" "+String($c[0]))
Use ($o)
	$o.n+=1
	$o.t*=2
End use
ALERT(String($o.n)+" "+$o.t)
