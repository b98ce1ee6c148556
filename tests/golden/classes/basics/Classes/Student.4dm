// A derived class: Super() in the constructor, Super.fn() in a function, an overridden function
Class extends Person

Class constructor($first : Text; $last : Text; $school : Text)
	Super($first; $last)
	This.school:=$school

Function hello($greeting : Text) : Text
	return Super.hello($greeting)+" from "+This.school

Function describe() : Text
	return This.fullName+" ("+This.initials+")"
