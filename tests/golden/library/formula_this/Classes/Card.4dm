property title : Text
property rank : Integer

Class constructor($title : Text; $rank : Integer)
	This.title:=$title
	This.rank:=$rank

// A class function binds its own This: a project method it calls sees no object.
Function viaMethod() : Text
	return label("fn:")
