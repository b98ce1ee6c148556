// §7.7 (shared.md "shared groups"): storing shared B in shared A puts both in one group: before, Use(A) does not cover B; after, it does
var $a; $b : Object
$a:=New shared object
$b:=New shared object("v"; 0)
Use ($a)
	Try
		$b.v:=1
	Catch
		ALERT("before grouping: "+String(Last errors[0].errCode))
	End try
End use
Use ($a)
	$a.b:=$b
End use
Use ($a)
	$b.v:=2
End use
ALERT(String($b.v))
ALERT(String($a.b=$b))
