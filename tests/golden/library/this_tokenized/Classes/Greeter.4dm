property name : Text
Class constructor($name : Text)
	This:C1470.name:=$name
Function hello() : Text
	return "Hello "+This:C1470.name
