#DECLARE($s : Object; $tag : Text)
Use ($s)
	$s.runs:=$s.runs+1
	$s.log:=$s.log+$tag
End use
