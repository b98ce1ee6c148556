// A subclass: inherits the accessors, adds a setter of its own.
Class extends Temp

Class constructor($c : Real)
	Super($c)

Function set label($t : Text)
	This.note:="label "+$t
