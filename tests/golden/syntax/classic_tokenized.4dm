//%attributes = {"invisible":true}
// Tokenized names (as the 4D editor saves them) after every keyword
var $ok : Boolean:=Version type:C495 ?? 64 bit version:K5:25
If (Is nil pointer:C315(->$ok))
End if
While (False:C215)
End while
Case of 
	: (Length:C16("ab")=2)
End case 
// a comment continued by a backslash \
	& ($ok)  this line is part of the comment
SORT ARRAY:C229($a; $b; >)
return This:C1470.value
