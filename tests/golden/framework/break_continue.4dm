// `break` leaves the innermost loop, `continue` goes to its next iteration, in every loop kind.
var $i; $j : Integer
var $out : Text
For ($i; 1; 10)
	If ($i%2=0)
		continue
	End if
	If ($i>7)
		break
	End if
	$out+=String($i)
End for
ALERT("For: "+$out)
$out:=""
var $v : Variant
For each ($v; [1; 2; 3; 4; 5])
	Case of
		: ($v=2)
			continue
		: ($v=4)
			break
	End case
	$out+=String($v)
End for each
ALERT("For each: "+$out)
$out:=""
$i:=0
While ($i<10)
	$i+=1
	For ($j; 1; 3)
		If ($j=2)
			break  // leaves the inner loop only
		End if
		$out+=String($i)+String($j)+" "
	End for
	If ($i=3)
		break
	End if
End while
ALERT("While: "+$out)
$i:=0
Repeat
	$i+=1
	If ($i<5)
		continue
	End if
	break
Until (False)
ALERT("Repeat: "+String($i))
