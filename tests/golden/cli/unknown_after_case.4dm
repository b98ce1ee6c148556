Case of
: (1=1)
	ALERT("a")
End case
unknownThing
