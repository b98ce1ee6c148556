// Class: Person
Class extends Entity

property name : Text
property age; height : Integer
property tags : Collection:=[]

Class constructor($name : Text; $age : Integer)
	Super()
	This.name:=$name
	This.age:=$age

Function get fullName() : Text
	return This.name+" ("+String(This.age)+")"

Function set fullName($value : Text)
	This.name:=$value

Function greet($who : Text)->$greeting : Text
	If ($who="")
		$greeting:="Hello"
	Else 
		$greeting:="Hello "+$who
	End if

Function birthday()
	This.age+=1
