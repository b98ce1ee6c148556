// §7.2 (new-shared-object.md, new-shared-collection.md: -10721): the constructors refuse regular objects/collections as values; the variable is not assigned
var $o : Object
var $c : Collection
Try
	$o:=New shared object("inner"; New object("a"; 1))
Catch
	ALERT("New shared object: "+String(Last errors[0].errCode))
End try
Try
	$c:=New shared collection(1; New collection(2))
Catch
	ALERT("New shared collection: "+String(Last errors[0].errCode))
End try
ALERT(String($o=Null))
ALERT(String($c=Null))
