// one cart per web session
session singleton Class constructor()
	This.items:=New shared collection()

shared Function add($item : Text) : Integer
	This.items.push($item)
	return This.items.length
