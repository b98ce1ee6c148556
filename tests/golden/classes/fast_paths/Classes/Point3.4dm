// Extends a class without accessors and adds a computed property with a setter.
Class extends Point

Class constructor($x : Real; $y : Real; $z : Real)
	Super($x; $y)
	This.z:=$z

Function get double() : Real
	return This.sum()*2

Function set double($v : Real)
	This.x:=$v/2
	This.y:=0
