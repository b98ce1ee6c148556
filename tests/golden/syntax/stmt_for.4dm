// For loops
For ($i; 1; 10)
	$sum:=$sum+$i
End for
For ($i; 10; 1; -1)
End for
For ($i; 1; 100; 2)
End for
For ($o.counter; 1; 3)
End for
