var $kind : Integer
var $table : Pointer
var $name; $object : Text
For each ($path; ["[databaseMethod]/onStartup"; "[projectForm]/Login/{formMethod}"; "[projectForm]/Login/okButton"; "[class]/Person"; "MyMethod"])
	METHOD RESOLVE PATH($path; $kind; $table; $name; $object)
	ALERT($path+" → "+String($kind)+" "+String(Is nil pointer($table))+" \""+$name+"\" \""+$object+"\"")
End for each
METHOD RESOLVE PATH("[trigger]/Table_1"; $kind; $table; $name; $object)
