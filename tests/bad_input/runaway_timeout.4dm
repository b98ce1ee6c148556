var $i : Integer
Repeat
	$i:=$i+1
Until (False)
