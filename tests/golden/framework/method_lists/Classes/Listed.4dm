Function hello() : Text
	return "hi"
