// A class with computed properties: `celsius` read-write, `kelvin` read-only.
property c : Real
property note : Text

Class constructor($c : Real)
	This.c:=$c

Function get celsius() : Real
	return This.c

Function set celsius($v : Real)
	This.c:=$v

Function get kelvin() : Real
	return This.c+273.15
