// A plain (not shared) class whose instances get copied.
property title : Text

Class constructor($title : Text)
	This.title:=$title
	This.tags:=New collection("a"; "b")

Function label() : Text
	return "Note: "+This.title

Function plain() : Object
	var $out : Object:={}
	var $key : Text
	For each ($key; This)
		$out[$key]:=This[$key]
	End for each 
	return $out
