// §12 (random.md): Random returns an integer in 0..32767
var $i; $r : Integer
var $ok : Boolean
$ok:=True
For ($i; 1; 200)
	$r:=Random
	If (($r<0) | ($r>32767) | (Dec($r)#0))
		$ok:=False
	End if
End for
ALERT("in range="+String($ok))
