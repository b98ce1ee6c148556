// A singleton kept on the class object: the first instance is copied (shared, in the class
// object's group) and `new` is replaced by a formula that returns it.
Class constructor($label : Text)
	This.label:=$label
	var $class : Object
	$class:=OB Class(This)
	If ($class.instance=Null)
		Use ($class)
			$class.instance:=OB Copy(This; ck shared; $class)
			$class.new:=Formula(This.instance)
		End use
	End if

Function describe()->$t : Text
	$t:="config "+This.label
