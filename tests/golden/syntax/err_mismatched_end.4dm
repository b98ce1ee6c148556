For ($i; 1; 3)
	If ($i=2)
		$x:=1
End for
