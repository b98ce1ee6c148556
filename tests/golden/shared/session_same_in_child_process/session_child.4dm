#DECLARE($s : Object)
Use (Session.storage)
	Session.storage.fromChild:=New shared object("v"; 7)
End use
Use ($s)
	$s.id:=Session.id
	$s.infoSession:=Process info(Current process).sessionID
	$s.done:=1
End use
