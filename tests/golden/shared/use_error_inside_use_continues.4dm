// §10, §7.6: an error caught inside a Use block does not end the Use: the block goes on and can still modify the object
var $o : Object
$o:=New shared object("step"; 0)
Use ($o)
	$o.step:=1
	Try
		$o.bad:=New collection()
	Catch
		ALERT("caught "+String(Last errors[0].errCode))
	End try
	$o.step:=2
End use
ALERT(String($o.step))
ALERT(String(OB Is defined($o; "bad")))
