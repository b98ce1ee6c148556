property width; height : Real

Class constructor($width : Real; $height : Real)
	This.width:=$width
	This.height:=$height

Function area() : Real
	return This.width*This.height
