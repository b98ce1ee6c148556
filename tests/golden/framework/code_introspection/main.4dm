// METHOD GET CODE returns the code with CR line ends and a //%attributes first line.
var $code : Text
METHOD GET CODE("[class]/Greeter"; $code)
ALERT(Replace string($code; Char(Carriage return); "<CR>"))
METHOD GET CODE("helper"; $code)
ALERT(Replace string($code; Char(Carriage return); "<CR>"))
METHOD GET CODE("helper"; $code; Code with tokens)
ALERT(Replace string($code; Char(Carriage return); "<CR>"))

// Finding the functions of a class from its code, as a test framework does.
var $lines : Collection
METHOD GET CODE(METHOD Get path(Path class; "Greeter"); $code)
$lines:=Split string($code; Char(Carriage return)).filter(Formula($1.value="Function @"))
ALERT(JSON Stringify($lines))

ALERT(METHOD Get path(Path project method; "helper")+" "+METHOD Get path(Path database method; "onStartup"))
ALERT(Current method path)

// An unknown path leaves the code empty and raises an error.
$code:="x"
Try
	METHOD GET CODE("[class]/Nope"; $code)
Catch
	ALERT("error: "+String(Length($code)))
End try

// EXECUTE METHOD: the second argument receives the result.
var $r : Text
EXECUTE METHOD("helper"; $r)
ALERT(String(Length($r)))
