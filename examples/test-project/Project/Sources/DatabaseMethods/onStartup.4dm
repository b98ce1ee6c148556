//%attributes = {}
// On Startup: shared settings every process reads.
Use (Storage)
	Storage.settings:=New shared object("vatRate"; 0.2; "currency"; "EUR")
End use
ALERT("On Startup: settings ready")
