// §7.4, §7.6 (shared.md): Use blocks on two unrelated shared objects nest; after the inner End use only the outer object is modifiable
var $a; $b : Object
$a:=New shared object("v"; 0)
$b:=New shared object("v"; 0)
Use ($a)
	Use ($b)
		$a.v:=1
		$b.v:=1
	End use
	$a.v:=2
	Try
		$b.v:=2
	Catch
		ALERT("b after its End use: "+String(Last errors[0].errCode))
	End try
End use
ALERT(String($a.v)+" "+String($b.v))
