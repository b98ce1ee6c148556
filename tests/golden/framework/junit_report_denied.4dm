// Permissions (README): by default the project folder is read-only, so a report written under it is refused with -10790 and nothing is created
var $results : 4D.Folder
$results:=Folder(fk database folder; *).folder("test-results-denied")
Try
	$results.create()
Catch
	ALERT("create: "+String(Last errors[0].errCode))
End try
ALERT("exists: "+String($results.exists))
