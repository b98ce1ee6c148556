// twice: returns its text doubled

/* block comment */
#DECLARE($t : Text) -> $r : Text
$r:=$t+$t
