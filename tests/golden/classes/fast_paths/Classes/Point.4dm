// No accessors, no initializers: `new` evaluates its arguments into the constructor's frame.
property x : Real
property y : Real

Class constructor($x : Real; $y : Real)
	This.x:=$x
	This.y:=$y
	return 99

Function sum() : Real
	return This.x+This.y
