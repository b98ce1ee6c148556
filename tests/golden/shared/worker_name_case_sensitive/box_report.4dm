#DECLARE($s : Object; $key : Text)
Use ($s)
	$s[$key]:=Current process
	$s.done:=$s.done+1
End use
