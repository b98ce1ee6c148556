// §7.8 (storage.md, shared.md "Storage": no shared group with its entries): Use on an entry does not allow writing Storage, and Use(Storage) does not allow writing an entry
Use (Storage)
	Storage.box:=New shared object("v"; 0)
End use
Use (Storage.box)
	Storage.box.v:=1
	Try
		Storage.other:=New shared object()
	Catch
		ALERT("Storage under Use(entry): "+String(Last errors[0].errCode))
	End try
End use
Use (Storage)
	Try
		Storage.box.v:=2
	Catch
		ALERT("entry under Use(Storage): "+String(Last errors[0].errCode))
	End try
End use
ALERT(String(Storage.box.v))
ALERT(String(OB Is defined(Storage; "other")))
