Class constructor
	This.n:=0
