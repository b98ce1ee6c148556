session singleton Class constructor()
	This.visits:=0

shared Function visit() : Integer
	This.visits+=1
	return This.visits

Function get user() : Text
	// `Session` stays the command when it is not a class modifier
	Session.storage.user:="someone"
	return Session.userName
