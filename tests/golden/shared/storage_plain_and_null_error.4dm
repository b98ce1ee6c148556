// §7.8 (storage.md: non-shared objects or collections and null are refused): regular objects/collections (-10721) and Null cannot be stored in Storage
Use (Storage)
	Try
		Storage.obj:=New object("a"; 1)
	Catch
		ALERT("regular object: "+String(Last errors[0].errCode))
	End try
	Try
		Storage.coll:=New collection(1)
	Catch
		ALERT("regular collection: "+String(Last errors[0].errCode))
	End try
	Try
		Storage.none:=Null
		ALERT("no error for Null")
	Catch
		ALERT("Null refused")
	End try
End use
ALERT(String(OB Is defined(Storage; "obj"))+" "+String(OB Is defined(Storage; "coll"))+" "+String(OB Is defined(Storage; "none")))
