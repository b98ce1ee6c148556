// One basket per web session: every request of the session sees the same instance.
session singleton Class constructor()
	This.items:=New shared collection()

shared Function add($item : Text)
	This.items.push($item)
