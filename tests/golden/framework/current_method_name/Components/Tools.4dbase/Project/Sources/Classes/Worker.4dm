Class constructor
	This.where:=Current method name

Function run()->$t : Text
	$t:=Current method name
