property name : Text

Class constructor($name : Text)
	This.name:=$name

Function greet() : Text
	return "Hello "+This.name
