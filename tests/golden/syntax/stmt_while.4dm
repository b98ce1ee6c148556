// While loops
$i:=0
While ($i<10)
	$i:=$i+1
End while
While (False)
End while
