Class constructor($name : Text)
	This.name:=$name

Function greet($who : Text) : Text
	return "Hello "+$who

Function greet($x : Text)
	Super()
