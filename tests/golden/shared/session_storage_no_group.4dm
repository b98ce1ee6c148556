// §7.8 (SessionClass.md .storage: adding a shared value does not create a shared group): a grouped object can be stored there; Use(Session.storage) does not cover its entries
var $a; $b : Object
$a:=New shared object
$b:=New shared object("v"; 0)
Use ($a)
	$a.b:=$b
End use
Use (Session.storage)
	Session.storage.b:=$b
	Session.storage.own:=New shared object("w"; 0)
End use
Use (Session.storage)
	Try
		Session.storage.own.w:=1
	Catch
		ALERT("entry under Use(Session.storage): "+String(Last errors[0].errCode))
	End try
End use
Use ($a)
	Session.storage.b.v:=1
End use
ALERT(String($b.v)+" "+String(Session.storage.own.w))
