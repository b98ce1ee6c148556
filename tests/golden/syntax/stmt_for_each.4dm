// For each with optional range and While/Until conditions on either line
For each ($item; $col)
	$sum:=$sum+$item
End for each
For each ($item; $col; 2)
End for each
For each ($item; $col; 0; -1)
End for each
For each ($n; $col) While ($t<30)
	$t:=$t+$n
End for each
For each ($n; $col) Until ($t>30)
End for each
For each ($n; $col)
	$t:=$t+$n
End for each Until ($t>30)
For each ($key; $obj)
End for each While ($key#"stop")
