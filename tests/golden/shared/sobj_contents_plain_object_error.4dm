// §7.2 (shared.md, entities.md: -10721): a regular object or collection cannot be put into a shared object, even inside Use; the target keeps its value
var $o : Object
$o:=New shared object("keep"; "old")
Use ($o)
	Try
		$o.fresh:=New object("a"; 1)
	Catch
		ALERT("new property, object: "+String(Last errors[0].errCode))
	End try
	Try
		$o.keep:=New collection(1; 2)
	Catch
		ALERT("existing property, collection: "+String(Last errors[0].errCode))
	End try
	Try
		$o.keep:={b: 2}
	Catch
		ALERT("existing property, literal: "+String(Last errors[0].errCode))
	End try
End use
ALERT(String(OB Is defined($o; "fresh")))
ALERT($o.keep)
ALERT(JSON Stringify($o))
