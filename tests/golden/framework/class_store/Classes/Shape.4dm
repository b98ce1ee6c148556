property sides : Integer

Class constructor($sides : Integer)
	This.sides:=$sides

Function describe() : Text
	return String(This.sides)+" sides"
