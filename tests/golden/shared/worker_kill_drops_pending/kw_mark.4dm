#DECLARE($s : Object; $tag : Text)
Use ($s)
	$s.marks.push($tag)
	$s.last:=$tag
End use
