// A user class: declared properties (one with a default), constructor, computed property, functions
property first; last : Text
property species : Text := "human"

Class constructor($first : Text; $last : Text)
	This.first:=$first
	This.last:=$last

Function get fullName() : Text
	return This.first+" "+This.last

Function set fullName($name : Text)
	var $p : Integer
	$p:=Position(" "; $name)
	This.first:=Substring($name; 1; $p-1)
	This.last:=Substring($name; $p+1)

Function get initials() -> $result : Text
	$result:=This.first[[1]]+This.last[[1]]

Function hello($greeting : Text) : Text
	return $greeting+", "+This.fullName

Function where() : Text
	return Current method name
