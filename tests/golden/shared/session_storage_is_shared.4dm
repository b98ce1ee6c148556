// §8 (session.md standalone session, SessionClass.md .storage): Session exists; Session.storage is a shared object, empty at start, the same object at each read, not Storage
ALERT(String(Session#Null))
ALERT(String(OB Is shared(Session.storage)))
ALERT(String(OB Is empty(Session.storage)))
ALERT(String(Session.storage=Session.storage))
ALERT(String(Session.storage=Storage))
Use (Session.storage)
	Session.storage.prefs:=New shared object("lang"; "fr")
End use
ALERT(Session.storage.prefs.lang)
ALERT(String(OB Is defined(Storage; "prefs")))
