//%attributes = {"publishedWeb":true}
// the 4D.WebServer object of the server that runs this code
var $ws : 4D.WebServer
$ws:=WEB Server(Web server receiving request)
var $r : Object
$r:=New object("running"; $ws.isRunning; "port"; $ws.HTTPPort; "address"; $ws.IPAddressToListen; "cookie"; $ws.sessionCookieName; "max"; $ws.maxConcurrentProcesses; "root"; $ws.rootFolder; "again"; $ws.start().success)
WEB SEND TEXT(JSON Stringify($r); "application/json")
