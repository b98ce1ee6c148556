property n : Integer

Class constructor($n : Integer)
	This.n:=$n

Function twice() : Integer
	return This.n*2
