While ($i<3)
	$i+=1
End for
End while
End if
