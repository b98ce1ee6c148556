Class constructor($name : Text)
	This.name:=$name

Function hello()->$t : Text
	$t:="hello "+This.name
