// §7.12 (mini4d code -10724): Use on a null object, a null collection or Null fails before its body runs
var $o : Object
var $c : Collection
Try
	Use ($o)
		ALERT("body 1")
	End use
Catch
	ALERT("null object: "+String(Last errors[0].errCode))
End try
Try
	Use ($c)
		ALERT("body 2")
	End use
Catch
	ALERT("null collection: "+String(Last errors[0].errCode))
End try
Try
	Use (Null)
		ALERT("body 3")
	End use
Catch
	ALERT("Null: "+String(Last errors[0].errCode))
End try
ALERT("end")
