// WEB Server (docs API/WebServerClass.md) under `mini4d run`: no server runs, so the object shows
// the documented defaults; starting or stopping one from code is not modelled (error 33)
var $ws : 4D.WebServer
$ws:=WEB Server
ALERT(OB Instance of($ws; 4D.WebServer) ? "4D.WebServer" : "?")
ALERT("running: "+String($ws.isRunning)+", HTTP "+String($ws.HTTPEnabled)+" port "+String($ws.HTTPPort)+", HTTPS "+String($ws.HTTPSEnabled)+" port "+String($ws.HTTPSPort))
ALERT("scalable sessions: "+String($ws.scalableSession)+", legacy: "+String($ws.keepSession)+", SameSite "+$ws.sessionCookieSameSite)
ALERT("max processes: "+String($ws.maxConcurrentProcesses)+", CORS "+String($ws.CORSEnabled)+" "+JSON Stringify($ws.CORSSettings))
ALERT("same server: "+String(WEB Server(Web server database).HTTPPort=WEB Server(Web server receiving request).HTTPPort))
var $list : Collection
$list:=WEB Server list
ALERT(String($list.length)+" server, "+String($list.countValues(True; "isRunning"))+" running")
Try
	$ws.start(New object("HTTPPort"; 8080))
Catch
	ALERT(String(Last errors[0].errCode)+": "+Last errors[0].message)
End try
Try
	$ws.stop()
Catch
	ALERT(String(Last errors[0].errCode)+": "+Last errors[0].message)
End try
