property value : Integer

Class constructor($start : Integer)
	This.value:=$start

Function add($n : Integer)
	This.value:=This.value+$n
	This.bump(This.value)

Function bump()
	This.value+=1
