// A session singleton: one instance per session, a shared object (no `shared` keyword needed)
property count : Integer := 0
property finished : Integer := 0

session singleton Class constructor()
	This.names:=New shared collection

shared Function visit($who : Text) : Integer
	This.count:=This.count+1
	If (This.names.indexOf($who)<0)
		This.names.push($who)
	End if
	return This.count

shared Function done()
	This.finished:=This.finished+1
