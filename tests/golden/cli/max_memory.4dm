$t:="abcdefghijklmnop"
While (True)
	$t:=$t+$t
End while
