#DECLARE($tag : Text) -> $r : Boolean
ALERT("side "+$tag)
$r:=True
