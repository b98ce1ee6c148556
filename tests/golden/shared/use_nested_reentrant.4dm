// §7.6 (shared.md "Use...End use": locking counter): Use can be nested on the same object; it stays modifiable until the outermost End use
var $o : Object
$o:=New shared object("log"; "")
Use ($o)
	$o.log:=$o.log+"1"
	Use ($o)
		$o.log:=$o.log+"2"
		Use ($o)
			$o.log:=$o.log+"3"
		End use
		$o.log:=$o.log+"4"
	End use
	$o.log:=$o.log+"5"
End use
ALERT($o.log)
Try
	$o.log:="outside"
Catch
	ALERT("after last End use: "+String(Last errors[0].errCode))
End try
ALERT($o.log)
