// not shared: a handler class must be a shared singleton
singleton Class constructor()

Function x($request : Object) : Text
	return "never"
