// §6 (split-string.md, dt_object.md): counting words in an object keyed by word (keys keep first-seen order)
var $counts : Object
var $w : Text
$counts:=New object
For each ($w; Split string("the cat and the hat and the bat"; " "))
	If ($counts[$w]=Null)
		$counts[$w]:=1
	Else
		$counts[$w]:=$counts[$w]+1
	End if
End for each
ALERT(JSON Stringify($counts))
