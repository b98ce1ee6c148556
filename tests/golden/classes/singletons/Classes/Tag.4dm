// A process singleton: one instance per process
singleton Class constructor()
	This.process:=Current process name
	This.hits:=0

Function hit() : Integer
	This.hits:=This.hits+1
	return This.hits
