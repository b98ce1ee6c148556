// §6.2, §7.7 (CollectionClass.md .copy() example 2; mini4d code -10723): combining elements of another group fails; a .copy(ck shared; target) can be combined
var $c1; $c2; $copy : Collection
$c1:=New shared collection(New shared object("n"; "a"))
$c2:=New shared collection(New shared object("n"; "b"))
Try
	$c2.combine($c1)
Catch
	ALERT("combine other group: "+String(Last errors[0].errCode))
End try
ALERT(String($c2.length))
$copy:=$c1.copy(ck shared; $c2)
$c2.combine($copy)
ALERT(String($c2.length))
ALERT(JSON Stringify($c2))
