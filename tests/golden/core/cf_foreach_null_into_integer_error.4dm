// §4 (cf_looping.md): a null element assigned to an Integer item variable is an error and the loop stops
var $n : Integer
For each ($n; [1; Null; 3])
	ALERT("item "+String($n))
End for each
ALERT("not reached")
