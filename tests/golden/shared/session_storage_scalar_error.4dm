// §7.8, §8 (SessionClass.md .storage; mini4d codes -10721 / -10722): Session.storage takes only shared objects/collections and needs Use to be modified
Use (Session.storage)
	Try
		Session.storage.count:=1
	Catch
		ALERT("number: "+String(Last errors[0].errCode))
	End try
	Try
		Session.storage.plain:=New object()
	Catch
		ALERT("regular object: "+String(Last errors[0].errCode))
	End try
End use
Try
	Session.storage.late:=New shared object()
Catch
	ALERT("outside Use: "+String(Last errors[0].errCode))
End try
ALERT(String(OB Is empty(Session.storage)))
