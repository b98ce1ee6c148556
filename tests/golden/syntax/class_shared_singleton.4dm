shared singleton Class constructor()
	This.count:=0

shared Function increment() : Integer
	This.count+=1
	return This.count

exposed Function get total() : Integer
	return This.count

local Function reset()
	This.count:=0

Function get
	// a function named get
