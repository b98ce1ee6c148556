// §7.7, §6.2 (shared.md; mini4d code -10723): push of a shared object joins the collection's group; push of an object of another group fails and the collection is unchanged
var $list : Collection
var $o; $g; $foreign : Object
$list:=New shared collection()
$o:=New shared object("v"; 0)
$list.push($o)
Use ($list)
	$o.v:=1
End use
ALERT(String($o.v))
$g:=New shared object()
$foreign:=New shared object()
Use ($g)
	$g.f:=$foreign
End use
Try
	$list.push($foreign)
Catch
	ALERT("push from other group: "+String(Last errors[0].errCode))
End try
ALERT(String($list.length))
