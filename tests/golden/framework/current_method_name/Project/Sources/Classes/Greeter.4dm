property where : Text

Class constructor
	This.where:=Current method name

Function name()->$t : Text
	$t:=Current method name

Function get label() : Text
	return Current method name
