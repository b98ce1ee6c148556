Class constructor
Class constructor($a : Text)
Class extends A
Class extends B
Function f
	#DECLARE($x : Text)
	If (True)
Function g
