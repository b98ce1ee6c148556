// §6.1, §7.7 (ob-copy.md): without groupWith, a shared copy of a shared object is a new object outside the original's group
var $orig; $copy : Object
$orig:=New shared object("v"; 1)
$copy:=OB Copy($orig; ck shared)
ALERT(String(OB Is shared($copy)))
ALERT(String($copy=$orig))
Use ($orig)
	Try
		$copy.v:=2
	Catch
		ALERT("copy under Use(orig): "+String(Last errors[0].errCode))
	End try
End use
Use ($copy)
	$copy.v:=3
End use
ALERT(String($orig.v)+" "+String($copy.v))
