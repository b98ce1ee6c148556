// A property initializer: `new` takes the general path (initializer first, then constructor).
property n : Integer:=5

Class constructor($add : Integer)
	This.n:=This.n+$add
