// §10 (error-handling.md): after the Catch block, execution continues normally, also in loops
var $i : Integer
For ($i; 1; 3)
	Try
		If ($i=2)
			throw(900+$i; "bad "+String($i))
		End if
		ALERT("ok "+String($i))
	Catch
		ALERT("caught "+Last errors[0].message)
	End try
End for
