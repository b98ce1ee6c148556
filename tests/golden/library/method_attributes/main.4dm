// METHOD Get attribute / GET ATTRIBUTES / SET ATTRIBUTE(S) read the //%attributes line
// of a method's file; changes made by a run last for that run only.
var $attributes : Object
ALERT("shared: "+String(METHOD Get attribute("sharedHelper"; Attribute shared)))
ALERT("invisible: "+String(METHOD Get attribute("sharedHelper"; Attribute invisible; *)))
ALERT("published Web: "+String(METHOD Get attribute("sharedHelper"; Attribute published Web)))
ALERT("plain shared: "+String(METHOD Get attribute("plainHelper"; Attribute shared)))

METHOD GET ATTRIBUTES("sharedHelper"; $attributes)
ALERT(JSON Stringify($attributes))
METHOD GET ATTRIBUTES("plainHelper"; $attributes)
ALERT(JSON Stringify($attributes))

METHOD SET ATTRIBUTE("plainHelper"; Attribute shared; True; Attribute executed on server; True)
ALERT("after SET ATTRIBUTE: "+String(METHOD Get attribute("plainHelper"; Attribute shared))+" "+String(METHOD Get attribute("plainHelper"; Attribute executed on server)))

METHOD SET ATTRIBUTES("sharedHelper"; New object("shared"; False; "publishedSql"; True))
METHOD GET ATTRIBUTES("sharedHelper"; $attributes)
ALERT("after SET ATTRIBUTES: shared "+String($attributes.shared)+", publishedSql "+String($attributes.publishedSql)+", invisible "+String($attributes.invisible))

ARRAY TEXT($paths; 2)
ARRAY OBJECT($all; 0)
$paths{1}:="plainHelper"
$paths{2}:="sharedHelper"
METHOD GET ATTRIBUTES($paths; $all)
ALERT("array form: "+String(Size of array($all))+" "+String($all{1}.shared)+" "+$all{2}.preemptive)

// Class functions and unknown paths are not project methods: an error.
var $result : Boolean
Try
	$result:=METHOD Get attribute("noSuchMethod"; Attribute shared)
Catch
	ALERT("unknown: "+String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
Try
	$result:=METHOD Get attribute("[class]/Foo"; Attribute shared)
Catch
	ALERT("class path: "+String(Last errors[0].errCode))
End try
