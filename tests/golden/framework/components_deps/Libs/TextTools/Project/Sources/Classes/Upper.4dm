Function apply($text : Text) : Text
	return Uppercase($text)
