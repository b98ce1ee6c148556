var $i : Integer
While (True)
	$i:=$i+1
End while
