// §7.8 (storage.md): Storage is a shared object; entries are added inside Use(Storage) and read from anywhere without Use
Use (Storage)
	Storage.settings:=New shared object("mode"; "test"; "level"; 3)
	Storage.names:=New shared collection("ann"; "bob")
End use
ALERT(String(OB Is shared(Storage)))
ALERT(Storage.settings.mode)
ALERT(String(Storage.settings.level))
ALERT(Storage.names[1])
ALERT(String(OB Is shared(Storage.names)))
Use (Storage.settings)
	Storage.settings.level:=4
End use
ALERT(String(Storage.settings.level))
ALERT(String(Storage=Storage))
