Class constructor()
	This.x:=1
