// get-database-parameter.md: the selectors as a headless, dataless, single-user run of a project
// sees them (documented defaults; a project; not a server), text values in the second parameter,
// SET DATABASE PARAMETER kept for the run (process scope for Dates inside objects)
var $t : Text
ALERT("Is current database a project: "+String(Get database parameter(Is current database a project)))
ALERT("Is host database a project: "+String(Get database parameter(Is host database a project)))
ALERT("Is host database writable: "+String(Get database parameter(Is host database writable)))
ALERT("Tips enabled/delay/duration: "+String(Get database parameter(Tips enabled))+" "+String(Get database parameter(Tips delay))+" "+String(Get database parameter(Tips duration)))
ALERT("Debug log recording: "+String(Get database parameter(Debug log recording))+", current process: "+String(Get database parameter(Current process debug log recording))+", diagnostic: "+String(Get database parameter(Diagnostic log recording)))
ALERT("Dates inside objects: "+String(Get database parameter(Dates inside objects))+", Times inside objects: "+String(Get database parameter(Times inside objects)))
ALERT("Circular log limitation: "+String(Get database parameter(Circular log limitation))+", SQL Server Port ID: "+String(Get database parameter(SQL Server Port ID))+", Client Server port ID: "+String(Get database parameter(Client Server port ID)))
ALERT("Idle connections timeout: "+String(Get database parameter(Idle connections timeout))+", SQL engine case sensitivity: "+String(Get database parameter(SQL engine case sensitivity)))
$t:="unchanged"
ALERT("PHP interpreter IP address: "+String(Get database parameter(PHP interpreter IP address; $t))+" "+$t)
$t:="unchanged"
ALERT("User param value: "+String(Get database parameter(User param value; $t))+" ["+$t+"]")
ALERT("unknown selector: "+String(Get database parameter(9999)))
// SET DATABASE PARAMETER
SET DATABASE PARAMETER(Tips enabled; 0)
SET DATABASE PARAMETER(Debug log recording; 2+4)
SET DATABASE PARAMETER(Dates inside objects; 1)  // String type with time zone
SET DATABASE PARAMETER(Is host database a project; 0)
SET DATABASE PARAMETER(User param value; "for the next session")
SET DATABASE PARAMETER(Log command list; "277;341")
ALERT("after SET: tips "+String(Get database parameter(Tips enabled))+", debug log "+String(Get database parameter(Debug log recording))+", dates "+String(Get database parameter(Dates inside objects))+", project "+String(Get database parameter(Is host database a project)))
$t:=""
$r:=Get database parameter(User param value; $t)
ALERT("user param still ["+$t+"]")
$r:=Get database parameter(Log command list; $t)
ALERT("log command list ["+$t+"]")
var $s : 4D.Signal
$s:=New signal
CALL WORKER("other"; "read_params"; $s)
$s.wait(30)
ALERT($s.seen)
KILL WORKER("other")
