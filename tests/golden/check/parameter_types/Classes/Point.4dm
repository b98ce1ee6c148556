Class constructor($x : Real; $y : Real)
This.x:=$x
This.y:=$y
