// §7.8 (storage.md: adding a property must be done inside Use; mini4d code -10722): writing Storage outside Use fails
Try
	Storage.late:=New shared object()
Catch
	ALERT("outside Use: "+String(Last errors[0].errCode))
End try
ALERT(String(OB Is defined(Storage; "late")))
