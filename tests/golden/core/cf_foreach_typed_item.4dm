// §4 (cf_looping.md For each): a Text item variable over a collection of texts
var $c : Collection
var $t; $all : Text
$c:=["x"; "y"; "z"]
For each ($t; $c)
	$all:=$all+Uppercase($t)
End for each
ALERT($all)
