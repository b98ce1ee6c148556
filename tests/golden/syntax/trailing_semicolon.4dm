// A statement may end with a `;` (4D accepts and ignores it); a `;` between two
// statements on one line is still an error elsewhere.
var $total; $i : Integer;
$total:=0; 
For ($i; 1; 3);
	$total:=$total+$i;  // comment after the semicolon
End for;
If ($total=6);
	ALERT("total "+String($total));
End if
ALERT("last line without newline");
ALERT("x");