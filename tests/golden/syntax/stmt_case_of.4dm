// Case of / branches / Else / End case
Case of 
	: ($a=1)
		$b:="one"
	: ($a=2)
	: ($a=3)
		$b:="three"
	Else 
		$b:="other"
End case 
Case of
	:($x>0)
End case
Case of
End case
