Function describe() : Text
	return "a host Shape"
