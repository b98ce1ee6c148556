Class constructor($name : Text)
	This.name:=$name

Function setAge($age : Integer)
	This.age:=$age

Function get upper() : Text
	return Uppercase(This.name)

Function rebuild()
	Super("again")

Function callParent()
	return Super.anything()
