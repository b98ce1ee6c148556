session Class constructor()
	This.visits:=0

session Function visit()
	This.visits+=1
