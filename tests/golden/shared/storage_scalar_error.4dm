// §7.8 (storage.md: only shared objects/collections; mini4d code -10721 for other values): scalars cannot be stored in Storage, even inside Use
Use (Storage)
	Try
		Storage.count:=1
	Catch
		ALERT("number: "+String(Last errors[0].errCode))
	End try
	Try
		Storage.label:="x"
	Catch
		ALERT("text: "+String(Last errors[0].errCode))
	End try
	Try
		Storage.flag:=True
	Catch
		ALERT("boolean: "+String(Last errors[0].errCode))
	End try
End use
ALERT(String(OB Is defined(Storage; "count"))+" "+String(OB Is defined(Storage; "label"))+" "+String(OB Is defined(Storage; "flag")))
