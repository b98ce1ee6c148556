// Not derived: Super() has no superclass constructor to call
Class constructor()
	Super()
	This.ok:=True
