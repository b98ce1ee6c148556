// §4 (cf_looping.md): While tests its condition first
var $i; $sum : Integer
$i:=1
While ($i<=10)
	$sum:=$sum+$i
	$i:=$i+1
End while
ALERT("sum="+String($sum))
ALERT("i="+String($i))
While (False)
	ALERT("never")
End while
ALERT("end")
