// §7.3 (shared.md): shared values can be stored in regular objects and collections; the regular container stays freely modifiable, the shared value still needs Use
var $p; $so : Object
var $list : Collection
$so:=New shared object("n"; 1)
$p:=New object("shared"; $so)
$p.other:="free"
$list:=New collection($so)
$list.push("more")
ALERT(String($p.shared=$so))
ALERT(String($list[0]=$so))
Try
	$p.shared.n:=2
Catch
	ALERT("write through holder: "+String(Last errors[0].errCode))
End try
Use ($p.shared)
	$p.shared.n:=3
End use
ALERT(String($so.n))
ALERT(JSON Stringify($p))
ALERT(String($list.length))
