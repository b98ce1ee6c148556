Function hello($who : Text) : Text
	return "hello "+$who

Function test_second()
	// a comment: Length:C16
