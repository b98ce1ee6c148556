// §7.7, §6.1 [DERIVED]: the nested objects and collections of a shared copy belong to the copy's group, so Use on the copy allows writing them
var $s : Object
$s:=OB Copy({inner: {v: 1}; list: [1]}; ck shared)
Use ($s)
	$s.inner.v:=2
	$s.list[0]:=2
End use
ALERT(JSON Stringify($s))
