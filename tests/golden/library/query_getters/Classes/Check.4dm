property label : Text
property _ok : Boolean

Class constructor($label : Text; $ok : Boolean)
	This.label:=$label
	This._ok:=$ok

Function get passed : Boolean
	return This._ok

Function get kind : Text
	return This._ok ? "good" : "bad"
