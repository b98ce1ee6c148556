// §7.4, §7.7 (shared.md; mini4d code -10722): Use on a shared object of another group does not allow modifying this one
var $a; $b : Object
$a:=New shared object("v"; 1)
$b:=New shared object("v"; 1)
Use ($b)
	Try
		$a.v:=2
	Catch
		ALERT("error "+String(Last errors[0].errCode))
	End try
End use
ALERT(String($a.v))
