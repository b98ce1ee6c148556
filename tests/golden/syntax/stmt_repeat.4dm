// Repeat / Until
$i:=0
Repeat
	$i:=$i+1
Until ($i>=10)
Repeat
Until (True)
