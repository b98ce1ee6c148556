Class extends Greeter

Class constructor
	Super()
	This.own:=Current method name

Function shout()->$t : Text
	$t:=Current method name
