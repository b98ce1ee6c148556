Class extends Person

Function greet() : Text
	return Super.missing()

Function redo()
	Super("again")
